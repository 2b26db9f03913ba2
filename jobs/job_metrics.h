// The job families of GET /metrics (Prometheus text format 0.0.4), read
// from the store at scrape time, so that every replica reports the whole
// queue:
//
//   parting_jobs_store_up                      gauge: 1 when the store answered
//   parting_jobs_items{status}                 gauge: stored items by status
//   parting_jobs_queue_age_seconds             gauge: age of the oldest waiting item
//   parting_jobs_emails{status}                gauge: items' e-mails by email_status;
//                                              alert on status="unconfirmed" > 0
//
// Thread-safe (the store is).
#pragma once

#include <string>

#include "jobs/job_store.h"

namespace parting::jobs {

std::string JobsExposition(JobStore& store);

}  // namespace parting::jobs
