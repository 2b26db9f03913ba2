#include "server/access_log.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <mutex>

#include "server/problem.h"

namespace parting::server {
namespace {

constexpr std::array<std::string_view, 9> kStandardMethods = {
    "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"};

void WriteLine(const std::string& line) {
  // One write(2) per line keeps lines from concurrent workers whole.
  size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(STDERR_FILENO, line.data() + written, line.size() - written);
    if (n <= 0) return;
    written += static_cast<size_t>(n);
  }
}

// A method is whatever token the client sent: only the standard ones are
// worth a log column.
std::string_view LoggedMethod(std::string_view method) {
  for (std::string_view known : kStandardMethods)
    if (method == known) return known;
  return "OTHER";
}

std::string Field(std::string_view name, std::string_view text) {
  std::string out = ",\"";
  out.append(name).append("\":");
  AppendJsonString(out, text);
  return out;
}

}  // namespace

std::string IsoTimestamp(std::chrono::system_clock::time_point time) {
  const auto since_epoch = time.time_since_epoch();
  const auto seconds = std::chrono::floor<std::chrono::seconds>(since_epoch);
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds);
  const std::time_t whole = static_cast<std::time_t>(seconds.count());
  std::tm utc{};
  gmtime_r(&whole, &utc);
  char text[64];  // room for any int the compiler cannot rule out
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(millis.count()));
  return text;
}

std::string FormatAccessLine(const AccessRecord& record,
                             std::chrono::system_clock::time_point time) {
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.1f", record.duration_ms);
  std::string line = "{\"ts\":\"" + IsoTimestamp(time) + "\",\"event\":\"access\"";
  line += Field("method", LoggedMethod(record.method));
  line += Field("route", record.route);
  line += ",\"status\":" + std::to_string(record.status);
  line += ",\"duration_ms\":";
  line += duration;
  line += ",\"bytes_in\":" + std::to_string(record.bytes_in);
  line += ",\"bytes_out\":" + std::to_string(record.bytes_out);
  if (!record.request_id.empty()) line += Field("request_id", record.request_id);
  line += "}";
  return line;
}

std::string FormatServerLine(std::string_view level, std::string_view message,
                             std::chrono::system_clock::time_point time) {
  std::string line = "{\"ts\":\"" + IsoTimestamp(time) + "\",\"event\":\"server\"";
  line += Field("level", level);
  line += Field("message", message);
  line += "}";
  return line;
}

void LogAccess(const AccessRecord& record) {
  WriteLine(FormatAccessLine(record, std::chrono::system_clock::now()) + "\n");
}

RepeatFilter::Verdict RepeatFilter::Admit(const std::string& key,
                                          std::chrono::steady_clock::time_point now) {
  auto it = seen_.find(key);
  if (it != seen_.end() && now - it->second.written < window_) {
    ++it->second.suppressed;
    return {false, 0};
  }
  if (it == seen_.end()) {
    if (seen_.size() >= max_keys_) seen_.clear();  // forget rather than grow
    it = seen_.emplace(key, Seen{}).first;
  }
  const Verdict verdict{true, it->second.suppressed};
  it->second = {now, 0};
  return verdict;
}

void LogServerMessage(std::string_view message, std::string_view level) {
  static std::mutex mutex;
  static RepeatFilter filter;
  RepeatFilter::Verdict verdict;
  {
    std::lock_guard lock(mutex);
    verdict = filter.Admit(std::string(level) + '\n' + std::string(message),
                           std::chrono::steady_clock::now());
  }
  if (!verdict.write) return;
  std::string text(message);
  if (verdict.suppressed > 0)
    text += " (and " + std::to_string(verdict.suppressed) + " identical lines in the last second)";
  WriteLine(FormatServerLine(level, text, std::chrono::system_clock::now()) + "\n");
}

}  // namespace parting::server
