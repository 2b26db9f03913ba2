// Request framing (RFC 9112 section 6): how the server knows where a
// request's body ends. Behind a proxy, a request that two parsers could
// frame differently lets a second request be smuggled inside the first, so
// an ambiguous frame is refused (400) and its connection closed:
//   - both Content-Length and Transfer-Encoding;
//   - Content-Length more than once, or not a plain decimal number;
//   - Transfer-Encoding other than exactly one "chunked".
// Pure function over the parsed header fields, thread-safe.
#pragma once

#include <Poco/Net/NameValueCollection.h>

#include <optional>
#include <string>

namespace parting::server {

/// Why the request's framing is refused, or nullopt when it is sound.
std::optional<std::string> FramingProblem(const Poco::Net::NameValueCollection& headers);

}  // namespace parting::server
