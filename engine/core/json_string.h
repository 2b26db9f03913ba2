// JSON text and string literals for Parting's own JSON writers (the plan, the
// canonical request, problem documents, logs, manifests): one writer,
// nlohmann's. It escapes '"', '\\', \b \f \n \r \t and the other control
// characters as \u00xx (lowercase hex), and leaves everything else, DEL and
// non-ASCII included, as it is; invalid UTF-8 becomes U+FFFD, so that the
// document always parses. Canonical requests and their fingerprints depend on
// these exact bytes (tests/core/json_string_test.cc).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace parting {

/// Appends `text` to `out` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view text);

/// An empty object with room for `fields` members. ordered_json keeps its
/// members in a vector, and a member (a pair with a const key) is copied,
/// subtree and all, whenever that vector grows: writers that build a
/// document reserve instead.
nlohmann::ordered_json JsonObject(std::size_t fields = 16);

/// `value` as compact JSON text (no spaces), its strings escaped as above.
std::string DumpJson(const nlohmann::ordered_json& value);

}  // namespace parting
