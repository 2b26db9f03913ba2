// X-Request-Id: the identifier that ties a client's request to the service's
// log line. A client's own id is taken when it is sane (1 to 64 characters
// of letters, digits and "-._:", so that it is safe in a header and a log);
// otherwise the service makes one (32 random hex digits). Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace parting::server {

/// True for an id the service takes as it is.
bool IsAcceptableRequestId(std::string_view id);

/// 32 lowercase hex digits from a per-thread random generator.
std::string NewRequestId();

/// `offered` when acceptable, else a new id.
std::string RequestIdFor(std::string_view offered);

}  // namespace parting::server
