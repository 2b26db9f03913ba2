#include "jobs/job_metrics.h"

#include <cstdio>
#include <map>

namespace parting::jobs {

std::string JobsExposition(JobStore& store) {
  auto stats = store.Stats();
  std::string out =
      "# HELP parting_jobs_store_up Whether the job store answered this scrape.\n"
      "# TYPE parting_jobs_store_up gauge\n";
  out += std::string("parting_jobs_store_up ") + (stats.ok() ? "1" : "0") + "\n";
  if (!stats.ok()) return out;
  out +=
      "# HELP parting_jobs_items Job items in the store by status.\n"
      "# TYPE parting_jobs_items gauge\n";
  const std::pair<const char*, std::int64_t> rows[] = {
      {"cancelled", stats->items.cancelled},
      {"claimed", stats->claimed},
      {"failed", stats->items.failed},
      {"ok", stats->items.ok},
      {"pending", stats->items.pending - stats->claimed},
      {"rejected", stats->items.rejected},
  };
  for (const auto& [status, count] : rows)
    out += std::string("parting_jobs_items{status=\"") + status + "\"} " + std::to_string(count) +
           "\n";
  const double age = stats->oldest_pending_created_ms > 0
                         ? static_cast<double>(NowMs() - stats->oldest_pending_created_ms) / 1000
                         : 0.0;
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", age < 0 ? 0.0 : age);
  out +=
      "# HELP parting_jobs_queue_age_seconds Age of the oldest job item still waiting.\n"
      "# TYPE parting_jobs_queue_age_seconds gauge\n"
      "parting_jobs_queue_age_seconds " +
      std::string(text) + "\n";
  out +=
      "# HELP parting_jobs_emails Job e-mails in the store by status (unconfirmed: delivery "
      "unknown, for the operator to settle).\n"
      "# TYPE parting_jobs_emails gauge\n";
  // Every state always, so that an alert on "unconfirmed" has a series.
  std::map<std::string, std::int64_t> emails = stats->emails;
  for (const char* status :
       {"cancelled", "delivering", "failed", "pending", "sending", "sent", "unconfirmed"})
    emails.try_emplace(status, 0);
  for (const auto& [status, count] : emails)
    out += "parting_jobs_emails{status=\"" + status + "\"} " + std::to_string(count) + "\n";
  return out;
}

}  // namespace parting::jobs
