// JobStore: where jobs and their items live, on SQLite (one machine) or
// PostgreSQL (many), through Poco::Data.
//
// A job is a batch body split into items at creation. Each item row holds
// the item's request text, its state (pending → claimed → ok / rejected /
// failed, or cancelled), the claim's owner and lease expiry, the manifest
// facts (entry JSON), the PDF and .eml bytes. Workers claim items with an
// expiring lease: PostgreSQL with UPDATE … WHERE (job_id, idx) IN (SELECT …
// FOR UPDATE SKIP LOCKED LIMIT n) RETURNING …, SQLite inside BEGIN
// IMMEDIATE. An item is completed only by the owner of a live claim, so a
// worker that lost its lease (it stalled, or died and came back) never
// overwrites the result of the worker that took the item over.
//
// The schema is created and migrated by Open() (table schema_version). Every
// method is thread-safe (a session pool); a failed database call returns
// Status kInternal whose message starts with "database:", which the HTTP
// edge answers with 503. Times are Unix milliseconds.
//
//   auto store = JobStore::Open("sqlite:/var/lib/parting/jobs.sqlite");
//   auto claimed = (*store)->Claim("host:pid", 4, now_ms + 60000);
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parting/status.h"

namespace Poco::Data {
class SessionPool;
class Session;
}  // namespace Poco::Data

namespace parting::jobs {

class WorkSignal;

/// Item states as stored (and shown in the manifest).
inline constexpr std::string_view kPending = "pending";
inline constexpr std::string_view kClaimed = "claimed";
inline constexpr std::string_view kOk = "ok";
inline constexpr std::string_view kRejected = "rejected";
inline constexpr std::string_view kFailed = "failed";
inline constexpr std::string_view kCancelled = "cancelled";

/// Job states.
inline constexpr std::string_view kQueued = "queued";
inline constexpr std::string_view kRunning = "running";
inline constexpr std::string_view kDone = "done";

std::int64_t NowMs();

/// A new job id: a random UUID (version 4), unguessable.
std::string NewJobId();

struct Totals {
  std::int64_t items = 0, ok = 0, rejected = 0, failed = 0, pending = 0, cancelled = 0;
};

struct CallbackAttempt {
  std::int64_t at_ms = 0;
  std::string status;  ///< "200", "503", "error: connection refused"
};

struct JobRecord {
  std::string id;
  std::string status;
  std::int64_t created_ms = 0;
  std::int64_t finished_ms = 0;  ///< 0 while not ended
  std::string body_sha256;
  std::string idempotency_key;  ///< "" for none
  std::string callback_url;     ///< "" for none
  Totals totals;
  std::vector<CallbackAttempt> attempts;
};

/// One item as created: pending (to render) or already rejected.
struct NewItem {
  std::int64_t line = 1;
  std::string request;  ///< the item's text as sent
  std::string status;   ///< kPending or kRejected
  std::string entry;    ///< manifest facts (JSON) when rejected
  std::string email_status = "not_requested";
};

struct NewJob {
  std::string id;
  std::string body_sha256;
  std::string idempotency_key;
  std::string callback_url;
  std::vector<NewItem> items;
};

struct CreateOutcome {
  enum class Kind { kCreated, kExisting, kKeyConflict };
  Kind kind = Kind::kCreated;
  std::string id;  ///< the new or the existing job
};

/// An item a worker holds a claim on.
struct ClaimedItem {
  std::string job_id;
  std::int64_t index = 0;
  std::int64_t line = 1;
  std::string request;
};

/// What a worker produced for a claimed item.
struct ItemResult {
  std::string status;  ///< kOk, kRejected or kFailed
  std::string entry;   ///< manifest facts (JSON)
  std::string pdf;
  std::string eml;
  std::string email_status = "not_requested";
  std::string email_envelope;  ///< mail_sender.h Envelope, when to be sent
  std::string language;        ///< the letter's ("en") once parsed; not stored
};

/// An item without its bytes, for the manifest.
struct ItemSummary {
  std::int64_t index = 0;
  std::int64_t line = 1;
  std::string status;
  std::string entry;
  std::string email_status;
  std::string email_reply;  ///< the relay's answer, or why it failed
};

/// An item with its bytes, for one letter and the archive.
struct ItemBytes {
  ItemSummary summary;
  std::string pdf;
  std::string eml;
};

/// A claimed item and what the worker produced for it (both outlive the call).
struct Completion {
  const ClaimedItem* item = nullptr;
  const ItemResult* result = nullptr;
};

/// Items by state and the age of the oldest waiting one, for /metrics.
struct QueueStats {
  Totals items;  ///< over every stored job (claimed items count as pending)
  std::int64_t claimed = 0;
  std::int64_t oldest_pending_created_ms = 0;  ///< 0 when nothing waits
  /// Items' e-mails by email_status ("sent", "unconfirmed", …), those asked
  /// for only (no "not_requested").
  std::map<std::string, std::int64_t> emails;
};

/// Why an e-mail became "unconfirmed" when its sender vanished after the final ".".
inline constexpr std::string_view kDeliveryUnknown =
    "the sender stopped after the message's final '.' and before the relay's answer was "
    "recorded: perhaps delivered";

/// How much of an unconfirmed e-mail's message UnconfirmedEmails() reads.
inline constexpr std::int64_t kUnconfirmedEmlHead = 8192;

/// An e-mail whose delivery is unknown, for the operator to resolve.
struct UnconfirmedEmail {
  std::string job_id;
  std::int64_t index = 0;
  std::string envelope;  ///< mail_sender.h Envelope
  std::string reply;     ///< what is known
  /// The start of the message as sent (kUnconfirmedEmlHead bytes at most:
  /// its header, with the Message-ID), not its attachment.
  std::string eml;
};

/// The operator's decision on an "unconfirmed" e-mail.
enum class Settlement { kSent, kResend };

/// "sent" or "resend"; nullopt for any other text.
std::optional<Settlement> ParseSettlement(std::string_view text);
std::string_view SettlementName(Settlement decision);

struct SettleOutcome {
  enum class Kind {
    kSettled,           ///< it was unconfirmed: the decision is recorded
    kAlreadySettled,    ///< the same decision was recorded before: nothing changed
    kSettledOtherwise,  ///< the other decision was recorded before: nothing changed
    kNotUnconfirmed,    ///< its delivery is known, or it has no e-mail: nothing to settle
    kNoItem,            ///< the job has no such item
    kNoJob,             ///< there is no such job
  };
  Kind kind = Kind::kNoJob;
  std::string email_status;  ///< the e-mail's state afterwards
  std::string settled;       ///< the decision on record: "sent", "resend" or ""
};

/// An item's e-mail, claimed for sending (recorded as "sending").
struct EmailToSend {
  std::string job_id;
  std::int64_t index = 0;
  std::string envelope;
  std::string eml;
  std::int64_t attempts = 0;  ///< made so far
};

/// A job whose callback is due, claimed until `lease_until`.
struct DueCallback {
  std::string job_id;
  std::string url;
  std::int64_t attempts = 0;  ///< made so far
};

class JobStore {
 public:
  /// "sqlite:/path/jobs.sqlite" (the folder is created) or a libpq
  /// connection URI "postgresql://user@host:port/db" (also "postgres://").
  /// Creates or migrates the schema.
  static Result<std::unique_ptr<JobStore>> Open(const std::string& location);
  ~JobStore();

  bool postgres() const { return postgres_; }

  /// Stores a job and its items in one transaction. With an idempotency
  /// key already stored: kExisting when its body fingerprint matches,
  /// kKeyConflict when not (nothing stored). A job whose items are all
  /// rejected is done at once.
  Result<CreateOutcome> Create(const NewJob& job);

  Result<std::optional<JobRecord>> Find(const std::string& id);
  Result<std::vector<ItemSummary>> Items(const std::string& id);
  Result<std::optional<ItemBytes>> Item(const std::string& id, std::int64_t index);
  /// Calls `each` for every item in index order, reading a few at a time.
  Status ForEachItem(const std::string& id, const std::function<Status(ItemBytes&)>& each);

  /// Cancels a job that has not ended: waiting and claimed items become
  /// cancelled (a claim in flight then cannot complete). False when the job
  /// had already ended (or is unknown).
  Result<bool> Cancel(const std::string& id);

  /// Claims up to `limit` items that wait or whose lease expired (expired
  /// claims first), returned in the order they were queued.
  Result<std::vector<ClaimedItem>> Claim(const std::string& owner, int limit,
                                         std::int64_t lease_until);
  /// Stores the result of a claimed item; false when the claim was lost
  /// (lease taken over, job cancelled): the result is then discarded.
  /// Ends the job when no item waits any more.
  Result<bool> Complete(const std::string& owner, const ClaimedItem& item,
                        const ItemResult& result);
  /// Stores several results in one transaction (one commit, one fsync):
  /// for each, whether it was stored (as the single Complete() above).
  /// On an error nothing is stored.
  Result<std::vector<bool>> Complete(const std::string& owner, const std::vector<Completion>& done);
  /// Gives claimed items back unworked (a worker that stops): they wait
  /// again at once instead of after their lease.
  Status Release(const std::string& owner, const std::vector<ClaimedItem>& items);

  /// Claims one e-mail that waits (its item rendered, its job not
  /// cancelled), or one still "sending" whose lease expired, and records it
  /// as "sending" until `lease_until` before returning it.
  ///
  /// Exactly once: an e-mail is delivered only when the relay reads the
  /// final "." of the message, and the sender writes that "." only after
  /// MarkEmailDelivering() committed. So an e-mail still "sending" was not
  /// delivered and may be sent again; one "delivering" may have been, and is
  /// never claimed again (its sender records "sent", or it becomes
  /// "unconfirmed": ExpireDeliveries()).
  Result<std::optional<EmailToSend>> ClaimEmail(const std::string& owner, std::int64_t lease_until);
  /// "sending" → "delivering", for the owner of the claim only; false when
  /// the claim was taken over (the sender must then not write the ".").
  Result<bool> MarkEmailDelivering(const std::string& owner, const EmailToSend& email,
                                   std::int64_t lease_until);
  /// Records how sending went: `status` "sent", "failed" or "unconfirmed"
  /// (final), or "pending" to retry at `next_ms`.
  Status FinishEmail(const std::string& owner, const EmailToSend& email, const std::string& status,
                     const std::string& reply, std::int64_t next_ms);
  /// "delivering" e-mails whose sender vanished (lease before `now_ms`)
  /// become "unconfirmed"; how many.
  Result<std::int64_t> ExpireDeliveries(std::int64_t now_ms);
  /// Every "unconfirmed" e-mail, by job and index; only job `job_id`'s when given.
  Result<std::vector<UnconfirmedEmail>> UnconfirmedEmails(const std::string& job_id = "");
  /// Records the operator's decision on an "unconfirmed" e-mail (the CLI's
  /// `parting unconfirmed --sent/--resend` and the HTTP route's): sent after
  /// all ("sent"), or sent again with the same Message-ID ("pending").
  /// Idempotent: the same decision again changes nothing (kAlreadySettled).
  Result<SettleOutcome> SettleEmail(const std::string& job_id, std::int64_t index,
                                    Settlement decision);

  /// Calls `listener` (from any thread) whenever work may have arrived for
  /// a worker: a job created, claimed items given back, an e-mail to send
  /// again, a callback due. Changes made through this store call it at once;
  /// on PostgreSQL also those of every other process (LISTEN/NOTIFY on a
  /// connection of its own, reconnected when the database returns), on
  /// SQLite any other process's write to the file (work_signal.h). A handle
  /// for RemoveWorkListener().
  int AddWorkListener(std::function<void()> listener);
  void RemoveWorkListener(int handle);
  /// The earliest moment from `after_ms` on (Unix ms) at which something
  /// falls due by the clock alone: a claim's lease that expires; with
  /// `emails`, an e-mail to retry or one whose sender's lease expires; with
  /// `callbacks`, a callback to retry. 0 when nothing does.
  Result<std::int64_t> NextDueMs(std::int64_t after_ms, bool emails, bool callbacks);

  /// Claims one job whose callback is due (its lease until `lease_until`).
  Result<std::optional<DueCallback>> ClaimCallback(const std::string& owner,
                                                   std::int64_t lease_until);
  /// Records an attempt; `next_ms` 0 ends the callback (delivered or given up).
  Status RecordCallbackAttempt(const std::string& owner, const std::string& job_id,
                               const CallbackAttempt& attempt, std::int64_t next_ms);

  /// Deletes jobs (with items and attempts) that ended before `ended_before_ms`.
  Result<std::int64_t> DeleteEndedBefore(std::int64_t ended_before_ms);

  Result<QueueStats> Stats();

 private:
  JobStore(std::unique_ptr<Poco::Data::SessionPool> pool, bool postgres,
           std::string listen_connection, const std::string& sqlite_file);
  Status Migrate();
  Result<CreateOutcome> CreateOnce(const NewJob& job);
  std::string Sql(std::string_view text) const;  // '?' → '$n' for PostgreSQL
  Status Begin(Poco::Data::Session& session) const;
  /// Ends job `id` when no item of it waits any more; true when it did.
  bool FinishJobIfDone(Poco::Data::Session& session, const std::string& id) const;
  /// Within a transaction: tells other processes' workers, once committed,
  /// that work arrived (PostgreSQL NOTIFY; nothing on SQLite).
  void NotifyOthers(Poco::Data::Session& session) const;
  /// After a commit: wakes this process's workers.
  void NotifyHere() const;

  std::unique_ptr<Poco::Data::SessionPool> pool_;
  bool postgres_ = false;
  std::string listen_connection_;  ///< libpq key=value, for the LISTEN connection
  std::unique_ptr<WorkSignal> signal_;
};

}  // namespace parting::jobs
