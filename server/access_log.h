// One line per request on standard error: method, route pattern, status,
// duration and sizes. Never a body, a query or a raw path: those may carry
// personal data. Thread-safe (one write per line).
#pragma once

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

/// `POST /v1/letters 200 412.3ms in=1520 out=48211`
std::string FormatAccessLine(const AccessRecord& record);

/// Writes FormatAccessLine() and a newline to standard error.
void LogAccess(const AccessRecord& record);

/// Writes "parting: <message>" to standard error: start-up, stop, and the
/// causes of failures that the client only sees as a 500.
void LogServerMessage(std::string_view message);

}  // namespace parting::server
