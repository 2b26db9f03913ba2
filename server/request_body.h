// Reading a request body within a limit, and checking that it is JSON.
//
// Poco's HTTP server has no body limit of its own: these functions are the
// limit. The Content-Length is checked before reading (a client announcing
// too much is refused at once) and the bytes are counted while reading, so a
// chunked body or a lying Content-Length cannot go past it either. Pure
// functions, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace parting::server {

/// application/json, any case, with optional parameters; a charset parameter
/// must name UTF-8 (RFC 8259 allows no other).
bool IsJsonContentType(std::string_view content_type);

/// True when a declared Content-Length already exceeds the limit.
bool DeclaredLengthExceeds(std::optional<std::int64_t> content_length, std::size_t max_bytes);

/// The whole stream when it holds at most `max_bytes`; nullopt when it holds
/// more. Reads at most max_bytes + 1 bytes, never the rest.
std::optional<std::string> ReadAtMost(std::istream& in, std::size_t max_bytes);

}  // namespace parting::server
