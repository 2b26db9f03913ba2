#include "server/access_log.h"

#include <unistd.h>

#include <cstdio>

namespace parting::server {
namespace {

void WriteLine(const std::string& line) {
  // One write(2) per line keeps lines from concurrent workers whole.
  size_t written = 0;
  while (written < line.size()) {
    const ssize_t n = ::write(STDERR_FILENO, line.data() + written, line.size() - written);
    if (n <= 0) return;
    written += static_cast<size_t>(n);
  }
}

}  // namespace

std::string FormatAccessLine(const AccessRecord& record) {
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.1fms", record.duration_ms);
  std::string line;
  line.append(record.method);
  line += ' ';
  line.append(record.route);
  line += ' ' + std::to_string(record.status) + ' ' + duration;
  line += " in=" + std::to_string(record.bytes_in) + " out=" + std::to_string(record.bytes_out);
  return line;
}

void LogAccess(const AccessRecord& record) { WriteLine(FormatAccessLine(record) + "\n"); }

void LogServerMessage(std::string_view message) {
  std::string line = "parting: ";
  line.append(message);
  WriteLine(line + "\n");
}

}  // namespace parting::server
