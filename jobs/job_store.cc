#include "jobs/job_store.h"

#include <Poco/Data/LOB.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/SessionPool.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/UUIDGenerator.h>
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <tuple>

#include "jobs/store_sql.h"
#include "jobs/work_signal.h"

namespace parting::jobs {
namespace {

using namespace store_sql;
using Poco::Data::Statement;

constexpr std::string_view kSqlitePrefix = "sqlite:";
constexpr int kMaxSessions = 64;
constexpr int kIdleSeconds = 60;
constexpr char kConnectTimeoutSeconds[] = "5";
constexpr std::int64_t kLatestSchema = 5;
constexpr std::int64_t kArchivePage = 32;
// Serializes schema migrations of replicas starting together (PostgreSQL).
constexpr std::int64_t kMigrationLockKey = 7310201;

// Schema version 1. {blob} is BLOB (SQLite) or BYTEA (PostgreSQL).
constexpr std::string_view kSchemaV1[] = {
    "CREATE TABLE jobs (id TEXT PRIMARY KEY, status TEXT NOT NULL, created BIGINT NOT NULL, "
    "finished BIGINT NOT NULL DEFAULT 0, body_sha256 TEXT NOT NULL, "
    "idempotency_key TEXT NOT NULL DEFAULT '', callback_url TEXT NOT NULL DEFAULT '', "
    "items BIGINT NOT NULL, callback_state TEXT NOT NULL DEFAULT 'none', "
    "callback_next BIGINT NOT NULL DEFAULT 0, callback_owner TEXT NOT NULL DEFAULT '', "
    "callback_attempts BIGINT NOT NULL DEFAULT 0)",
    "CREATE UNIQUE INDEX jobs_idempotency_key ON jobs (idempotency_key) "
    "WHERE idempotency_key <> ''",
    "CREATE INDEX jobs_finished ON jobs (finished)",
    "CREATE INDEX jobs_callback ON jobs (callback_state, callback_next)",
    "CREATE TABLE items (job_id TEXT NOT NULL, idx BIGINT NOT NULL, line BIGINT NOT NULL, "
    "request TEXT NOT NULL, status TEXT NOT NULL, created BIGINT NOT NULL, "
    "lease_owner TEXT NOT NULL DEFAULT '', lease_expires BIGINT NOT NULL DEFAULT 0, "
    "entry TEXT NOT NULL DEFAULT '', pdf {blob}, eml {blob}, "
    "email_status TEXT NOT NULL DEFAULT 'not_requested', "
    "email_reply TEXT NOT NULL DEFAULT '', PRIMARY KEY (job_id, idx))",
    "CREATE INDEX items_waiting ON items (status, lease_expires)",
    "CREATE TABLE callback_attempts (job_id TEXT NOT NULL, at BIGINT NOT NULL, "
    "status TEXT NOT NULL)",
    "CREATE INDEX callback_attempts_job ON callback_attempts (job_id)",
};

// Schema version 2: what sending an item's e-mail needs.
constexpr std::string_view kSchemaV2[] = {
    "ALTER TABLE items ADD COLUMN email_envelope TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE items ADD COLUMN email_attempts BIGINT NOT NULL DEFAULT 0",
    "ALTER TABLE items ADD COLUMN email_next BIGINT NOT NULL DEFAULT 0",
    "ALTER TABLE items ADD COLUMN email_owner TEXT NOT NULL DEFAULT ''",
    "CREATE INDEX items_email ON items (email_status, email_next)",
};

// Schema version 3: indexes that keep a claim and a completion independent of
// how many items a job has (partial indexes: only waiting or claimed rows).
// Without them each claim sorted every waiting item and each completion
// counted the job's waiting items, so a job of n items cost O(n²).
constexpr std::string_view kSchemaV3[] = {
    "DROP INDEX IF EXISTS items_waiting",
    "CREATE INDEX items_pending ON items (created, job_id, idx) WHERE status = 'pending'",
    "CREATE INDEX items_claimed ON items (lease_expires) WHERE status = 'claimed'",
    "CREATE INDEX items_open ON items (job_id) WHERE status IN ('pending', 'claimed')",
};

// Schema version 4: a lease on an e-mail being sent, so that one whose
// sender died before the final "." is sent again (it cannot have been
// delivered). Before version 4, "sending" also covered the moment after the
// final "." had gone out: such e-mails are not known to be undelivered.
constexpr std::string_view kSchemaV4[] = {
    "ALTER TABLE items ADD COLUMN email_lease BIGINT NOT NULL DEFAULT 0",
    "UPDATE items SET email_status = 'unconfirmed', email_reply = 'its sender stopped during "
    "the SMTP conversation (recorded before schema 4): perhaps delivered' "
    "WHERE email_status = 'sending'",
};
// Schema version 5: the operator's decision on an e-mail whose delivery was
// unknown ("sent" or "resend"), so that repeating it changes nothing.
constexpr std::string_view kSchemaV5[] = {
    "ALTER TABLE items ADD COLUMN email_settled TEXT NOT NULL DEFAULT ''",
};

void RegisterConnectors() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::PostgreSQL::Connector::registerConnector();
  });
}

// Poco's PostgreSQL connector takes libpq's "key=value" form only; libpq
// itself turns a postgresql:// URI into that form.
Result<std::string> KeyValueConnection(const std::string& uri) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(uri.c_str(), &error);
  if (!options) {
    std::string why = error ? error : "out of memory";
    if (error) PQfreemem(error);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    return Status::Internal("database: the PostgreSQL URL is invalid: " + why);
  }
  std::string out;
  std::string bad;
  for (PQconninfoOption* option = options; option->keyword; ++option) {
    // A database that went away must fail a request soon, not hang it.
    if (!option->val && std::string_view(option->keyword) == "connect_timeout")
      option->val = const_cast<char*>(kConnectTimeoutSeconds);
    if (!option->val) continue;
    // Poco splits the string at spaces and does not read quotes.
    const std::string_view value(option->val);
    if (value.find_first_of(" \t\n'\\") != std::string_view::npos) {
      bad = option->keyword;
      continue;
    }
    if (!out.empty()) out += ' ';
    out += std::string(option->keyword) + "=" + std::string(value);
  }
  for (PQconninfoOption* option = options; option->keyword; ++option)
    if (option->val == kConnectTimeoutSeconds) option->val = nullptr;  // not libpq's to free
  PQconninfoFree(options);
  if (!bad.empty())
    return Status::Internal("database: the PostgreSQL URL's " + bad +
                            " holds a space, quote or backslash, which Poco's connector cannot "
                            "pass on (a password: put it in PGPASSWORD or ~/.pgpass instead)");
  return out;
}

void Tally(Totals& totals, const std::string& status, std::int64_t count) {
  if (status == kOk)
    totals.ok += count;
  else if (status == kRejected)
    totals.rejected += count;
  else if (status == kFailed)
    totals.failed += count;
  else if (status == kCancelled)
    totals.cancelled += count;
  else
    totals.pending += count;  // pending and claimed
  totals.items += count;
}

}  // namespace

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string NewJobId() { return Poco::UUIDGenerator::defaultGenerator().createRandom().toString(); }

JobStore::JobStore(std::unique_ptr<Poco::Data::SessionPool> pool, bool postgres,
                   std::string listen_connection, const std::string& sqlite_file)
    : pool_(std::move(pool)),
      postgres_(postgres),
      listen_connection_(std::move(listen_connection)),
      signal_(std::make_unique<WorkSignal>(listen_connection_, sqlite_file)) {}

JobStore::~JobStore() = default;

Result<std::unique_ptr<JobStore>> JobStore::Open(const std::string& location) {
  RegisterConnectors();
  const bool postgres =
      location.starts_with("postgresql://") || location.starts_with("postgres://");
  if (!postgres && !location.starts_with(kSqlitePrefix))
    return Status::Internal("the job database must be sqlite:PATH or postgresql://…");
  std::unique_ptr<JobStore> store;
  Status status = Guard([&]() -> Status {
    std::unique_ptr<Poco::Data::SessionPool> pool;
    std::string listen_connection, sqlite_file;
    if (postgres) {
      auto connection = KeyValueConnection(location);
      if (!connection.ok()) return connection.status();
      pool = std::make_unique<Poco::Data::SessionPool>("PostgreSQL", *connection, 1, kMaxSessions,
                                                       kIdleSeconds);
      listen_connection = *connection;
    } else {
      const std::filesystem::path file(location.substr(kSqlitePrefix.size()));
      std::error_code error;
      if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), error);
      if (error)
        return Status::Internal("cannot create the data folder " + file.parent_path().string() +
                                ": " + error.message());
      pool = std::make_unique<Poco::Data::SessionPool>("SQLite", file.string(), 1, kMaxSessions,
                                                       kIdleSeconds);
      Session session(pool->get());
      session << "PRAGMA journal_mode=WAL", now;
      sqlite_file = file.string();
    }
    store.reset(new JobStore(std::move(pool), postgres, std::move(listen_connection), sqlite_file));
    return store->Migrate();
  });
  if (!status.ok()) return status;
  return store;
}

std::string JobStore::Sql(std::string_view text) const {
  std::string out;
  int number = 0;
  for (char c : text) {
    if (c == '?' && postgres_) {
      out += '$' + std::to_string(++number);
    } else {
      out += c;
    }
  }
  return out;
}

Status JobStore::Migrate() {
  Session session = PooledSession(*pool_, postgres_);
  Transaction transaction(session, postgres_);
  if (postgres_) {
    // libpq would print PostgreSQL's NOTICEs ("already exists, skipping")
    // to standard error, outside the JSON log.
    session << "SET client_min_messages TO WARNING", now;
    session << "SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")", now;
  }
  session << "CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)", now;
  std::int64_t rows = 0;
  session << "SELECT COUNT(*) FROM schema_version", into(rows), now;
  std::int64_t version = 0;
  if (rows > 0) session << "SELECT MAX(version) FROM schema_version", into(version), now;
  if (version > kLatestSchema)
    return Status::Internal("database: its schema version " + std::to_string(version) +
                            " is newer than this program's (" + std::to_string(kLatestSchema) +
                            "): run a newer parting");
  if (version < 1) {
    for (std::string_view statement : kSchemaV1) {
      std::string sql(statement);
      for (std::size_t at; (at = sql.find("{blob}")) != std::string::npos;)
        sql.replace(at, 6, postgres_ ? "BYTEA" : "BLOB");
      session << sql, now;
    }
  }
  if (version < 2)
    for (std::string_view statement : kSchemaV2) session << std::string(statement), now;
  if (version < 3)
    for (std::string_view statement : kSchemaV3) session << std::string(statement), now;
  if (version < 4)
    for (std::string_view statement : kSchemaV4) session << std::string(statement), now;
  if (version < 5)
    for (std::string_view statement : kSchemaV5) session << std::string(statement), now;
  if (version != kLatestSchema) {
    session << "DELETE FROM schema_version", now;
    session << Sql("INSERT INTO schema_version (version) VALUES (?)"), bind(kLatestSchema), now;
  }
  transaction.Commit();
  return Status::Ok();
}

Result<CreateOutcome> JobStore::Create(const NewJob& job) {
  Result<CreateOutcome> created = CreateOnce(job);
  // Two requests with one new key at once: both found no job, one insert
  // lost on the key's unique index. Looking again finds the winner's job.
  if (!created.ok() && !job.idempotency_key.empty()) created = CreateOnce(job);
  return created;
}

Result<CreateOutcome> JobStore::CreateOnce(const NewJob& job) {
  return Guard([&]() -> Result<CreateOutcome> {
    Session session = PooledSession(*pool_, postgres_);
    Transaction transaction(session, postgres_);
    if (!job.idempotency_key.empty()) {
      std::vector<std::string> ids, fingerprints;
      session << Sql("SELECT id, body_sha256 FROM jobs WHERE idempotency_key = ?"),
          bind(job.idempotency_key), into(ids), into(fingerprints), now;
      if (!ids.empty()) {
        CreateOutcome outcome;
        outcome.id = ids.front();
        outcome.kind = fingerprints.front() == job.body_sha256 ? CreateOutcome::Kind::kExisting
                                                               : CreateOutcome::Kind::kKeyConflict;
        return outcome;
      }
    }
    const std::int64_t created = NowMs();
    const std::int64_t count = static_cast<std::int64_t>(job.items.size());
    std::int64_t pending = 0;
    for (const NewItem& item : job.items) pending += item.status == kPending ? 1 : 0;
    const std::string status(pending == 0 ? kDone : kQueued);
    const std::int64_t finished = pending == 0 ? created : 0;
    const std::string callback_state = pending == 0 && !job.callback_url.empty() ? "due" : "none";
    session << Sql(
        "INSERT INTO jobs (id, status, created, finished, body_sha256, "
        "idempotency_key, callback_url, items, callback_state, callback_next) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        bind(job.id), bind(status), bind(created), bind(finished), bind(job.body_sha256),
        bind(job.idempotency_key), bind(job.callback_url), bind(count), bind(callback_state),
        bind(created), now;
    // Bulk insert: one statement, many rows.
    std::vector<std::string> job_ids(job.items.size(), job.id), requests, statuses, entries,
        email_statuses;
    std::vector<Poco::Int64> indexes, lines, createds(job.items.size(), created);
    for (std::size_t i = 0; i < job.items.size(); ++i) {
      const NewItem& item = job.items[i];
      indexes.push_back(static_cast<Poco::Int64>(i));
      lines.push_back(item.line);
      requests.push_back(item.request);
      statuses.push_back(item.status);
      entries.push_back(item.entry);
      email_statuses.push_back(item.email_status);
    }
    session << Sql(
        "INSERT INTO items (job_id, idx, line, request, status, created, entry, "
        "email_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        bind(job_ids), bind(indexes), bind(lines), bind(requests), bind(statuses), bind(createds),
        bind(entries), bind(email_statuses), now;
    NotifyOthers(session);
    transaction.Commit();
    NotifyHere();
    return CreateOutcome{CreateOutcome::Kind::kCreated, job.id};
  });
}

Result<std::optional<JobRecord>> JobStore::Find(const std::string& id) {
  return Guard([&]() -> Result<std::optional<JobRecord>> {
    Session session = PooledSession(*pool_, postgres_);
    std::vector<std::string> statuses, fingerprints, keys, urls;
    std::vector<Poco::Int64> createds, finisheds;
    session << Sql(
        "SELECT status, created, finished, body_sha256, idempotency_key, callback_url "
        "FROM jobs WHERE id = ?"),
        bind(id), into(statuses), into(createds), into(finisheds), into(fingerprints), into(keys),
        into(urls), now;
    if (statuses.empty()) return std::optional<JobRecord>();
    JobRecord job;
    job.id = id;
    job.status = statuses[0];
    job.created_ms = createds[0];
    job.finished_ms = finisheds[0];
    job.body_sha256 = fingerprints[0];
    job.idempotency_key = keys[0];
    job.callback_url = urls[0];
    std::vector<std::string> item_statuses;
    std::vector<Poco::Int64> counts;
    session << Sql("SELECT status, COUNT(*) FROM items WHERE job_id = ? GROUP BY status"), bind(id),
        into(item_statuses), into(counts), now;
    for (std::size_t i = 0; i < item_statuses.size(); ++i)
      Tally(job.totals, item_statuses[i], counts[i]);
    std::vector<Poco::Int64> ats;
    std::vector<std::string> results;
    session << Sql("SELECT at, status FROM callback_attempts WHERE job_id = ? ORDER BY at"),
        bind(id), into(ats), into(results), now;
    for (std::size_t i = 0; i < ats.size(); ++i) job.attempts.push_back({ats[i], results[i]});
    return std::optional<JobRecord>(std::move(job));
  });
}

Result<std::vector<ItemSummary>> JobStore::Items(const std::string& id) {
  return Guard([&]() -> Result<std::vector<ItemSummary>> {
    Session session = PooledSession(*pool_, postgres_);
    std::vector<Poco::Int64> indexes, lines;
    std::vector<std::string> statuses, entries, email_statuses, replies;
    session << Sql(
        "SELECT idx, line, status, entry, email_status, email_reply FROM items "
        "WHERE job_id = ? ORDER BY idx"),
        bind(id), into(indexes), into(lines), into(statuses), into(entries), into(email_statuses),
        into(replies), now;
    std::vector<ItemSummary> items(indexes.size());
    for (std::size_t i = 0; i < items.size(); ++i)
      items[i] = {indexes[i], lines[i], statuses[i], entries[i], email_statuses[i], replies[i]};
    return items;
  });
}

Result<std::optional<ItemBytes>> JobStore::Item(const std::string& id, std::int64_t index) {
  std::optional<ItemBytes> found;
  Status status = Guard([&]() -> Status {
    Session session = PooledSession(*pool_, postgres_);
    std::vector<Poco::Int64> lines;
    std::vector<std::string> statuses, entries, email_statuses;
    std::vector<BLOB> pdfs, emls;
    session << Sql(
        "SELECT line, status, entry, email_status, pdf, eml FROM items "
        "WHERE job_id = ? AND idx = ?"),
        bind(id), bind(index), into(lines), into(statuses), into(entries), into(email_statuses),
        into(pdfs), into(emls), now;
    if (lines.empty()) return Status::Ok();
    found = ItemBytes{{index, lines[0], statuses[0], entries[0], email_statuses[0]},
                      FromBlob(pdfs[0]),
                      FromBlob(emls[0])};
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return found;
}

Status JobStore::ForEachItem(const std::string& id, const std::function<Status(ItemBytes&)>& each) {
  for (std::int64_t from = 0;; from += kArchivePage) {
    std::vector<ItemBytes> page;
    Status status = Guard([&]() -> Status {
      Session session = PooledSession(*pool_, postgres_);
      std::vector<Poco::Int64> indexes, lines;
      std::vector<std::string> statuses, entries, email_statuses;
      std::vector<BLOB> pdfs, emls;
      const std::int64_t to = from + kArchivePage;
      session << Sql(
          "SELECT idx, line, status, entry, email_status, pdf, eml FROM items "
          "WHERE job_id = ? AND idx >= ? AND idx < ? ORDER BY idx"),
          bind(id), bind(from), bind(to), into(indexes), into(lines), into(statuses), into(entries),
          into(email_statuses), into(pdfs), into(emls), now;
      for (std::size_t i = 0; i < indexes.size(); ++i)
        page.push_back({{indexes[i], lines[i], statuses[i], entries[i], email_statuses[i]},
                        FromBlob(pdfs[i]),
                        FromBlob(emls[i])});
      return Status::Ok();
    });
    if (!status.ok()) return status;
    if (page.empty()) return Status::Ok();
    for (ItemBytes& item : page) {
      status = each(item);
      if (!status.ok()) return status;
    }
  }
}

Result<bool> JobStore::Cancel(const std::string& id) {
  return Guard([&]() -> Result<bool> {
    Session session = PooledSession(*pool_, postgres_);
    Transaction transaction(session, postgres_);
    // Items first, then the job row: the order Complete() locks them in.
    session << Sql(
        "UPDATE items SET status = 'cancelled', lease_owner = '', lease_expires = 0 "
        "WHERE job_id = ? AND status IN ('pending', 'claimed')"),
        bind(id), now;
    // Also e-mails being written to the relay: their final "." is not sent
    // (MarkEmailDelivering finds them no longer "sending"), so nothing of a
    // cancelled job is delivered after the cancel.
    session << Sql(
        "UPDATE items SET email_status = 'cancelled', email_owner = '', email_lease = 0 "
        "WHERE job_id = ? AND email_status IN ('pending', 'sending')"),
        bind(id), now;
    const std::int64_t at = NowMs();
    Statement update(session);
    update << Sql(
        "UPDATE jobs SET status = 'cancelled', finished = ?, "
        "callback_state = CASE WHEN callback_url <> '' THEN 'due' ELSE 'none' END, "
        "callback_next = ? WHERE id = ? AND status IN ('queued', 'running')"),
        bind(at), bind(at), bind(id);
    const std::size_t changed = update.execute();
    if (changed == 0) return false;
    NotifyOthers(session);  // its callback is due
    transaction.Commit();
    NotifyHere();
    return true;
  });
}

Result<std::vector<ClaimedItem>> JobStore::Claim(const std::string& owner, int limit,
                                                 std::int64_t lease_until) {
  return Guard([&]() -> Result<std::vector<ClaimedItem>> {
    Session session = PooledSession(*pool_, postgres_);
    const std::int64_t at = NowMs();
    const std::int64_t count = limit;
    std::vector<std::string> job_ids, requests;
    std::vector<Poco::Int64> indexes, lines, createds;
    // Claims whose lease expired first (their items waited longest), then
    // waiting items in the order they came; each through its own partial
    // index, so a claim costs the same for a job of ten items or a million.
    if (postgres_) {
      session << "WITH expired AS (SELECT job_id, idx FROM items "
                 "WHERE status = 'claimed' AND lease_expires < $3 ORDER BY lease_expires "
                 "LIMIT $4 FOR UPDATE SKIP LOCKED), "
                 "waiting AS (SELECT job_id, idx FROM items WHERE status = 'pending' "
                 "ORDER BY created, job_id, idx LIMIT $4 FOR UPDATE SKIP LOCKED), "
                 "chosen AS (SELECT job_id, idx FROM expired UNION ALL "
                 "SELECT job_id, idx FROM waiting LIMIT $4) "
                 "UPDATE items SET status = 'claimed', lease_owner = $1, lease_expires = $2 "
                 "WHERE (job_id, idx) IN (SELECT job_id, idx FROM chosen) "
                 "RETURNING job_id, idx, line, request, created",
          bind(owner), bind(lease_until), bind(at), bind(count), into(job_ids), into(indexes),
          into(lines), into(requests), into(createds), now;
    } else {
      Transaction transaction(session, postgres_);
      session << "SELECT job_id, idx, line, request, created FROM items "
                 "WHERE status = 'claimed' AND lease_expires < ? ORDER BY lease_expires LIMIT ?",
          bind(at), bind(count), into(job_ids), into(indexes), into(lines), into(requests),
          into(createds), now;
      const std::int64_t more = count - static_cast<std::int64_t>(job_ids.size());
      if (more > 0) {
        // Into vectors of its own: Poco empties the vectors it extracts into.
        std::vector<std::string> waiting_ids, waiting_requests;
        std::vector<Poco::Int64> waiting_indexes, waiting_lines, waiting_createds;
        session << "SELECT job_id, idx, line, request, created FROM items "
                   "WHERE status = 'pending' ORDER BY created, job_id, idx LIMIT ?",
            bind(more), into(waiting_ids), into(waiting_indexes), into(waiting_lines),
            into(waiting_requests), into(waiting_createds), now;
        job_ids.insert(job_ids.end(), waiting_ids.begin(), waiting_ids.end());
        indexes.insert(indexes.end(), waiting_indexes.begin(), waiting_indexes.end());
        lines.insert(lines.end(), waiting_lines.begin(), waiting_lines.end());
        requests.insert(requests.end(), waiting_requests.begin(), waiting_requests.end());
        createds.insert(createds.end(), waiting_createds.begin(), waiting_createds.end());
      }
      for (std::size_t i = 0; i < job_ids.size(); ++i)
        session << "UPDATE items SET status = 'claimed', lease_owner = ?, lease_expires = ? "
                   "WHERE job_id = ? AND idx = ?",
            bind(owner), bind(lease_until), bind(job_ids[i]), bind(indexes[i]), now;
      transaction.Commit();
    }
    std::vector<std::size_t> order(job_ids.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::tie(createds[a], job_ids[a], indexes[a]) <
             std::tie(createds[b], job_ids[b], indexes[b]);
    });
    std::vector<ClaimedItem> claimed;
    claimed.reserve(order.size());
    for (std::size_t i : order) claimed.push_back({job_ids[i], indexes[i], lines[i], requests[i]});
    return claimed;
  });
}

Status JobStore::Release(const std::string& owner, const std::vector<ClaimedItem>& items) {
  if (items.empty()) return Status::Ok();
  return Guard([&]() -> Status {
    Session session = PooledSession(*pool_, postgres_);
    Transaction transaction(session, postgres_);
    for (const ClaimedItem& item : items)
      session << Sql(
          "UPDATE items SET status = 'pending', lease_owner = '', lease_expires = 0 "
          "WHERE job_id = ? AND idx = ? AND status = 'claimed' AND lease_owner = ?"),
          bind(item.job_id), bind(item.index), bind(owner), now;
    NotifyOthers(session);
    transaction.Commit();
    NotifyHere();
    return Status::Ok();
  });
}

bool JobStore::FinishJobIfDone(Session& session, const std::string& id) const {
  // Whether one item still waits (items_open), not how many: O(1).
  std::int64_t waiting = 0;
  session << Sql(
      "SELECT COUNT(*) FROM (SELECT 1 FROM items WHERE job_id = ? AND "
      "status IN ('pending', 'claimed') LIMIT 1) AS open_items"),
      bind(id), into(waiting), now;
  if (waiting > 0) return false;
  const std::int64_t at = NowMs();
  Statement update(session);
  update << Sql(
      "UPDATE jobs SET status = 'done', finished = ?, "
      "callback_state = CASE WHEN callback_url <> '' THEN 'due' ELSE 'none' END, "
      "callback_next = ? WHERE id = ? AND status IN ('queued', 'running')"),
      bind(at), bind(at), bind(id);
  return update.execute() > 0;
}

Result<bool> JobStore::Complete(const std::string& owner, const ClaimedItem& item,
                                const ItemResult& result) {
  auto stored = Complete(owner, {Completion{&item, &result}});
  if (!stored.ok()) return stored.status();
  return static_cast<bool>(stored->front());
}

Result<std::vector<bool>> JobStore::Complete(const std::string& owner,
                                             const std::vector<Completion>& done) {
  return Guard([&]() -> Result<std::vector<bool>> {
    std::vector<bool> stored(done.size(), false);
    if (done.empty()) return stored;
    // Rows are locked in one order (items by job and index, then jobs by
    // id), the order Cancel() takes too, so two transactions never wait on
    // each other in a cycle.
    std::vector<std::size_t> order(done.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::tie(done[a].item->job_id, done[a].item->index) <
             std::tie(done[b].item->job_id, done[b].item->index);
    });
    Session session = PooledSession(*pool_, postgres_);
    Transaction transaction(session, postgres_);
    std::vector<std::string> jobs;
    for (std::size_t i : order) {
      const ClaimedItem& item = *done[i].item;
      const ItemResult& result = *done[i].result;
      const BLOB pdf = ToBlob(result.pdf);
      const BLOB eml = ToBlob(result.eml);
      Statement update(session);
      update << Sql(
          "UPDATE items SET status = ?, entry = ?, pdf = ?, eml = ?, email_status = ?, "
          "email_envelope = ?, lease_owner = '', lease_expires = 0 "
          "WHERE job_id = ? AND idx = ? AND status = 'claimed' AND lease_owner = ?"),
          bind(result.status), bind(result.entry), bind(pdf), bind(eml), bind(result.email_status),
          bind(result.email_envelope), bind(item.job_id), bind(item.index), bind(owner);
      stored[i] = update.execute() > 0;
      if (stored[i] && (jobs.empty() || jobs.back() != item.job_id)) jobs.push_back(item.job_id);
    }
    bool ended = false;  // a job ended: its callback may be due
    for (const std::string& job_id : jobs) {
      // Locks the job row, so that of two workers completing a job's last
      // items at once, the second sees the first's items done (no write skew).
      session << Sql(
          "UPDATE jobs SET status = CASE WHEN status = 'queued' THEN 'running' "
          "ELSE status END WHERE id = ?"),
          bind(job_id), now;
      ended = FinishJobIfDone(session, job_id) || ended;
    }
    if (ended) NotifyOthers(session);
    transaction.Commit();
    if (ended) NotifyHere();
    return stored;
  });
}

Result<std::optional<DueCallback>> JobStore::ClaimCallback(const std::string& owner,
                                                           std::int64_t lease_until) {
  return Guard([&]() -> Result<std::optional<DueCallback>> {
    Session session = PooledSession(*pool_, postgres_);
    const std::int64_t at = NowMs();
    std::vector<std::string> ids, urls;
    std::vector<Poco::Int64> attempts;
    if (postgres_) {
      session << "UPDATE jobs SET callback_owner = $1, callback_next = $2 "
                 "WHERE id IN (SELECT id FROM jobs WHERE callback_state = 'due' AND "
                 "callback_next <= $3 ORDER BY callback_next LIMIT 1 FOR UPDATE SKIP LOCKED) "
                 "RETURNING id, callback_url, callback_attempts",
          bind(owner), bind(lease_until), bind(at), into(ids), into(urls), into(attempts), now;
    } else {
      Transaction transaction(session, postgres_);
      session << "SELECT id, callback_url, callback_attempts FROM jobs "
                 "WHERE callback_state = 'due' AND callback_next <= ? "
                 "ORDER BY callback_next LIMIT 1",
          bind(at), into(ids), into(urls), into(attempts), now;
      if (!ids.empty())
        session << "UPDATE jobs SET callback_owner = ?, callback_next = ? WHERE id = ?",
            bind(owner), bind(lease_until), bind(ids[0]), now;
      transaction.Commit();
    }
    if (ids.empty()) return std::optional<DueCallback>();
    return std::optional<DueCallback>(DueCallback{ids[0], urls[0], attempts[0]});
  });
}

Status JobStore::RecordCallbackAttempt(const std::string& owner, const std::string& job_id,
                                       const CallbackAttempt& attempt, std::int64_t next_ms) {
  return Guard([&]() -> Status {
    Session session = PooledSession(*pool_, postgres_);
    Transaction transaction(session, postgres_);
    const std::string state = next_ms == 0 ? "ended" : "due";
    Statement update(session);
    update << Sql(
        "UPDATE jobs SET callback_attempts = callback_attempts + 1, "
        "callback_state = ?, callback_next = ?, callback_owner = '' "
        "WHERE id = ? AND callback_owner = ? AND callback_state = 'due'"),
        bind(state), bind(next_ms), bind(job_id), bind(owner);
    if (update.execute() == 0) return Status::Ok();  // taken over: its owner records
    session << Sql("INSERT INTO callback_attempts (job_id, at, status) VALUES (?, ?, ?)"),
        bind(job_id), bind(attempt.at_ms), bind(attempt.status), now;
    transaction.Commit();
    return Status::Ok();
  });
}

Result<std::int64_t> JobStore::DeleteEndedBefore(std::int64_t ended_before_ms) {
  return Guard([&]() -> Result<std::int64_t> {
    Session session = PooledSession(*pool_, postgres_);
    Transaction transaction(session, postgres_);
    const std::string ended =
        Sql("SELECT id FROM jobs WHERE finished > 0 AND finished < ? AND callback_state <> 'due'");
    session << Sql("DELETE FROM items WHERE job_id IN (") + ended + ")", bind(ended_before_ms), now;
    session << Sql("DELETE FROM callback_attempts WHERE job_id IN (") + ended + ")",
        bind(ended_before_ms), now;
    Statement jobs(session);
    jobs << Sql("DELETE FROM jobs WHERE finished > 0 AND finished < ? AND callback_state <> 'due'"),
        bind(ended_before_ms);
    const std::int64_t deleted = static_cast<std::int64_t>(jobs.execute());
    transaction.Commit();
    return deleted;
  });
}

Result<QueueStats> JobStore::Stats() {
  return Guard([&]() -> Result<QueueStats> {
    Session session = PooledSession(*pool_, postgres_);
    QueueStats stats;
    std::vector<std::string> statuses;
    std::vector<Poco::Int64> counts;
    session << "SELECT status, COUNT(*) FROM items GROUP BY status", into(statuses), into(counts),
        now;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
      Tally(stats.items, statuses[i], counts[i]);
      if (statuses[i] == kClaimed) stats.claimed = counts[i];
    }
    // Each through its partial index rather than a scan of every item.
    std::int64_t oldest_pending = 0, oldest_claimed = 0;
    session << "SELECT COALESCE(MIN(created), 0) FROM items WHERE status = 'pending'",
        into(oldest_pending), now;
    session << "SELECT COALESCE(MIN(created), 0) FROM items WHERE status = 'claimed'",
        into(oldest_claimed), now;
    // Through items_email: counted from the index, not the table.
    std::vector<std::string> email_statuses;
    std::vector<Poco::Int64> email_counts;
    session << "SELECT email_status, COUNT(*) FROM items WHERE email_status <> 'not_requested' "
               "GROUP BY email_status",
        into(email_statuses), into(email_counts), now;
    for (std::size_t i = 0; i < email_statuses.size(); ++i)
      stats.emails[email_statuses[i]] = email_counts[i];
    stats.oldest_pending_created_ms = oldest_pending == 0 || oldest_claimed == 0
                                          ? std::max(oldest_pending, oldest_claimed)
                                          : std::min(oldest_pending, oldest_claimed);
    return stats;
  });
}

}  // namespace parting::jobs
