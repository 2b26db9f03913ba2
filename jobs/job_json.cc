#include "jobs/job_json.h"

#include <ctime>

#include "server/problem.h"

namespace parting::jobs {

std::string JsonString(std::string_view text) {
  std::string out;
  server::AppendJsonString(out, text);
  return out;
}

std::string TotalsJson(const Totals& totals) {
  return "{\"items\":" + std::to_string(totals.items) + ",\"ok\":" + std::to_string(totals.ok) +
         ",\"rejected\":" + std::to_string(totals.rejected) +
         ",\"failed\":" + std::to_string(totals.failed) +
         ",\"pending\":" + std::to_string(totals.pending) +
         ",\"cancelled\":" + std::to_string(totals.cancelled) + "}";
}

std::string Rfc3339(std::int64_t unix_ms) {
  const std::time_t seconds = static_cast<std::time_t>(unix_ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string JobJson(const JobRecord& job) {
  std::string out = "{\"id\":" + JsonString(job.id) + ",\"status\":" + JsonString(job.status) +
                    ",\"created\":" + JsonString(Rfc3339(job.created_ms)) + ",\"finished\":" +
                    (job.finished_ms > 0 ? JsonString(Rfc3339(job.finished_ms)) : "null") +
                    ",\"totals\":" + TotalsJson(job.totals) + ",\"callback\":";
  if (job.callback_url.empty()) {
    out += "null";
  } else {
    out += "{\"url\":" + JsonString(job.callback_url) + ",\"attempts\":[";
    for (std::size_t i = 0; i < job.attempts.size(); ++i) {
      if (i > 0) out += ',';
      out += "{\"at\":" + JsonString(Rfc3339(job.attempts[i].at_ms)) +
             ",\"status\":" + JsonString(job.attempts[i].status) + "}";
    }
    out += "]}";
  }
  return out + "}";
}

}  // namespace parting::jobs
