// The JSON the job routes answer with: a job's status document, its totals,
// and times as RFC 3339 UTC ("2026-11-29T08:47:25Z"). Pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "jobs/job_store.h"

namespace parting::jobs {

/// `text` as a JSON string literal, quotes included.
std::string JsonString(std::string_view text);

/// {"items","ok","rejected","failed","pending","cancelled"}.
std::string TotalsJson(const Totals& totals);

/// Unix milliseconds → "YYYY-MM-DDTHH:MM:SSZ".
std::string Rfc3339(std::int64_t unix_ms);

/// GET /v1/jobs/{id}: {"id","status","created","finished","totals",
/// "callback":{"url","attempts":[{"at","status"}]}}; finished and callback
/// are null when there are none.
std::string JobJson(const JobRecord& job);

}  // namespace parting::jobs
