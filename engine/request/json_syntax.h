// The first gate of the request stage: is this text a JSON object at all?
//
// Checks the raw bytes before Poco's parser sees them, so that the parser only
// ever gets text it can read: valid UTF-8 (a leading byte order mark is
// allowed), at most kMaxRequestBytes, nesting at most kMaxJsonDepth deep, the
// JSON grammar of RFC 8259, no key twice in one object (Poco would silently
// keep the last one), and an object at the top. Its recursion stops at
// kMaxJsonDepth, so no input can exhaust the stack. Thread-safe.
#pragma once

#include <string_view>

#include "parting/status.h"

namespace parting::request {

/// Ok, or kUnparseable with "line L, column C: what is wrong".
Status CheckJsonSyntax(std::string_view json);

/// `json` without a leading UTF-8 byte order mark.
std::string_view StripByteOrderMark(std::string_view json);

}  // namespace parting::request
