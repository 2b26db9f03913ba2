// The one parse of a request: JSON text → a tree of nlohmann::json values.
//
// nlohmann's SAX parser reads the text once; the handler (json_document.cc)
// builds the tree and adds what the grammar alone does not say: nesting at
// most kMaxJsonDepth deep (checked as each container opens; the parser keeps
// its own stack on the heap, so no input exhausts the stack), no key twice in
// one object (Poco and nlohmann's own DOM would keep the last one silently),
// and numbers that fit a 64-bit integer or a finite double. Before the parse:
// at most kMaxRequestBytes, valid UTF-8 (a leading byte order mark is
// allowed) and an object at the top. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "parting/status.h"

namespace parting::request {

/// The JSON object in `text`, or kUnparseable with "line L, column C: what is
/// wrong" (C counts characters). A key given twice also names its JSON
/// pointer in the status's errors.
Result<nlohmann::json> ParseJsonObject(std::string_view text);

}  // namespace parting::request
