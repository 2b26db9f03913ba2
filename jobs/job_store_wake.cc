// JobStore's part in waking idle workers (job_store.h AddWorkListener,
// NextDueMs): who to tell when work arrives, and when the clock alone makes
// something due, so that a worker sleeps exactly until then.
#include <algorithm>

#include "jobs/job_store.h"
#include "jobs/store_sql.h"
#include "jobs/work_signal.h"

namespace parting::jobs {
namespace {

using namespace store_sql;

}  // namespace

int JobStore::AddWorkListener(std::function<void()> listener) {
  return signal_->Add(std::move(listener));
}

void JobStore::RemoveWorkListener(int handle) { signal_->Remove(handle); }

void JobStore::NotifyOthers(Session& session) const {
  // Delivered by PostgreSQL when (and only if) the transaction commits.
  if (postgres_) session << "NOTIFY " + std::string(kWorkChannel), now;
}

void JobStore::NotifyHere() const { signal_->Notify(); }

Result<std::int64_t> JobStore::NextDueMs(std::int64_t after_ms, bool emails, bool callbacks) {
  return Guard([&]() -> Result<std::int64_t> {
    Session session = PooledSession(*pool_, postgres_);
    // Each MIN through an index (items_claimed, items_email, jobs_callback),
    // over only the rows in that state.
    std::vector<std::string> queries = {
        "SELECT COALESCE(MIN(lease_expires), 0) FROM items "
        "WHERE status = 'claimed' AND lease_expires >= ?"};
    if (emails) {
      queries.push_back(
          "SELECT COALESCE(MIN(email_next), 0) FROM items "
          "WHERE email_status = 'pending' AND email_next >= ?");
      queries.push_back(
          "SELECT COALESCE(MIN(email_lease), 0) FROM items "
          "WHERE email_status IN ('sending', 'delivering') AND email_lease >= ?");
    }
    if (callbacks)
      queries.push_back(
          "SELECT COALESCE(MIN(callback_next), 0) FROM jobs "
          "WHERE callback_state = 'due' AND callback_next >= ?");
    std::int64_t next = 0;
    for (const std::string& query : queries) {
      std::int64_t at = 0;
      session << Sql(query), bind(after_ms), into(at), now;
      if (at > 0) next = next == 0 ? at : std::min(next, at);
    }
    return next;
  });
}

}  // namespace parting::jobs
