// What the job store's source files share (job_store.cc, job_store_email.cc,
// work_signal.cc): turning Poco exceptions into "database:" statuses, BLOB
// conversions, a transaction that rolls back unless committed, and a pooled
// session with SQLite's busy wait set. Internal to jobs/; not an API.
#pragma once

#include <Poco/Data/LOB.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Exception.h>

#include <string>

#include "parting/status.h"

namespace parting::jobs::store_sql {

using namespace Poco::Data::Keywords;
using Poco::Data::BLOB;
using Poco::Data::Session;

inline constexpr int kSqliteBusyMs = 30000;

inline Status DatabaseError(const Poco::Exception& e) {
  return Status::Internal("database: " + e.displayText());
}

// Runs `body`; a Poco exception (connection lost, lock timeout, …) becomes
// a "database:" status.
template <class F>
auto Guard(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const Poco::Exception& e) {
    return DatabaseError(e);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("database: ") + e.what());
  }
}

inline BLOB ToBlob(const std::string& bytes) {
  if (bytes.empty()) return BLOB();
  return BLOB(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

inline std::string FromBlob(const BLOB& blob) {
  if (blob.size() == 0) return {};
  return std::string(reinterpret_cast<const char*>(blob.rawContent()), blob.size());
}

// Rolls back unless committed: an early return or an exception leaves no
// half-written job behind.
class Transaction {
 public:
  Transaction(Session& session, bool postgres) : session_(session), postgres_(postgres) {
    if (postgres_) {
      session_.begin();
    } else {
      session_ << "BEGIN IMMEDIATE", now;
    }
    open_ = true;
  }
  ~Transaction() {
    if (!open_) return;
    try {
      if (postgres_) {
        session_.rollback();
      } else {
        session_ << "ROLLBACK", now;
      }
    } catch (...) {
      // The connection is gone; the database rolls back by itself.
    }
  }
  void Commit() {
    if (postgres_) {
      session_.commit();
    } else {
      session_ << "COMMIT", now;
    }
    open_ = false;
  }

 private:
  Session& session_;
  bool postgres_;
  bool open_ = false;
};

// A session from the pool, with SQLite's wait for a busy database set (it
// is per connection, and the pool opens connections as it needs them).
inline Session PooledSession(Poco::Data::SessionPool& pool, bool postgres) {
  Session session(pool.get());
  if (!postgres) session << "PRAGMA busy_timeout=" + std::to_string(kSqliteBusyMs), now;
  return session;
}

}  // namespace parting::jobs::store_sql
