// The service log: one JSON object per line on standard error.
//
//   {"ts":"2026-11-22T10:15:02.337Z","event":"access","method":"POST",
//    "route":"/v1/letters","status":200,"duration_ms":412.3,"bytes_in":1520,
//    "bytes_out":48211}
//   {"ts":"…","event":"server","level":"info","message":"listening on http://…"}
//
// An access line has the route pattern, never the raw path or query, and no
// header or body: those may carry names, addresses and keys. Thread-safe
// (one write(2) per line, so lines of concurrent requests never mix).
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace parting::server {

struct AccessRecord {
  std::string_view method;
  std::string_view route;  ///< the routing table's pattern, "/*" for web files
  int status = 0;
  double duration_ms = 0;
  std::size_t bytes_in = 0;
  std::size_t bytes_out = 0;
};

/// "2026-11-22T10:15:02.337Z"
std::string IsoTimestamp(std::chrono::system_clock::time_point time);

/// The access line for `record` at `time`, without the newline. A method
/// other than the standard ones is logged as "OTHER".
std::string FormatAccessLine(const AccessRecord& record, std::chrono::system_clock::time_point time);

/// A server line ("info", "warning" or "error"), without the newline.
std::string FormatServerLine(std::string_view level, std::string_view message,
                             std::chrono::system_clock::time_point time);

/// Writes the access line for `record`, now.
void LogAccess(const AccessRecord& record);

/// Writes a server line, now: start-up, stop, and the causes of failures
/// that the client only sees as a 500.
void LogServerMessage(std::string_view message, std::string_view level = "info");

}  // namespace parting::server
