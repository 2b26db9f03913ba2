// The service log: one JSON object per line on standard error.
//
//   {"ts":"2026-11-22T10:15:02.337Z","event":"access","method":"POST",
//    "route":"/v1/letters","status":200,"duration_ms":412.3,"bytes_in":1520,
//    "bytes_out":48211,"request_id":"4f1c…"}
//   {"ts":"…","event":"server","level":"info","message":"listening on http://…"}
//
// An access line has the route pattern, never the raw path or query, and no
// header or body: those may carry names, addresses and keys. Thread-safe
// (one write(2) per line, so lines of concurrent requests never mix).
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
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
  std::string_view request_id;  ///< X-Request-Id; logged when not empty
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
/// that the client only sees as a 500. A line identical to one written less
/// than a second before is not written but counted; the next one written
/// says how many were left out, so a flood of one failure cannot fill the
/// disk.
void LogServerMessage(std::string_view message, std::string_view level = "info");

/// The rate limit of LogServerMessage(), on its own: Admit() says whether a
/// line with this key may be written at `now`, and how many identical lines
/// it stands for (0 when none was left out). At most `max_keys` keys are
/// remembered. Thread-compatible.
class RepeatFilter {
 public:
  explicit RepeatFilter(std::chrono::milliseconds window = std::chrono::seconds(1),
                        std::size_t max_keys = 256)
      : window_(window), max_keys_(max_keys) {}
  struct Verdict {
    bool write = true;
    std::size_t suppressed = 0;  ///< identical lines left out before this one
  };
  Verdict Admit(const std::string& key, std::chrono::steady_clock::time_point now);

 private:
  struct Seen {
    std::chrono::steady_clock::time_point written;
    std::size_t suppressed = 0;
  };
  std::chrono::milliseconds window_;
  std::size_t max_keys_;
  std::map<std::string, Seen> seen_;
};

}  // namespace parting::server
