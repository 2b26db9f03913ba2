// Splitting a batch body into the texts of its requests, without building a
// JSON tree of the whole batch.
//
// A batch is a JSON array of requests or JSON Lines (one request per
// non-empty line). The splitter only finds where each item starts and ends:
// it follows strings (with their escapes) and nesting, so a "," or "]" inside
// a string or an inner object never ends an item. Each item text is then read
// by ParseLetterRequest(), which reports what is wrong inside it; a broken
// item never spoils its neighbours. Pure functions, thread-safe.
//
//   auto items = SplitJsonArray(R"([{"language":"en",…}, {…}])");
//   // items->at(1).text == "{…}", items->at(1).line == 1
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "parting/status.h"

namespace parting::batch {

/// One request of a batch: its text (a view into the body, without
/// surrounding white space) and the 1-based line on which it starts.
struct BatchItemText {
  std::string_view text;
  std::size_t line = 1;
};

/// The items of a JSON array. kUnparseable when the body (after an optional
/// byte order mark and white space) does not start with "[", ends before the
/// closing "]", or has anything but white space after it. An empty slot
/// ("[a,,b]", "[a,]") is an item with empty text, which its own parse rejects.
Result<std::vector<BatchItemText>> SplitJsonArray(std::string_view body);

/// The non-empty lines of JSON Lines text ("\r\n" endings allowed).
std::vector<BatchItemText> SplitJsonLines(std::string_view body);

/// A body that starts with "[" (after a byte order mark and white space) is
/// read as an array, anything else as JSON Lines: a request is an object, so
/// a JSON Lines body never starts with "[".
bool LooksLikeJsonArray(std::string_view body);

/// application/x-ndjson (or application/jsonl), any case, any parameters.
bool IsJsonLinesContentType(std::string_view content_type);

}  // namespace parting::batch
