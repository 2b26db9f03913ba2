// JobStore's e-mail bookkeeping (job_store.h): claiming an item's e-mail for
// sending, "delivering" before the final ".", recording the outcome, and
// the operator's settlement of e-mails whose delivery is unknown.
#include <Poco/Data/Statement.h>

#include "jobs/job_store.h"
#include "jobs/store_sql.h"

namespace parting::jobs {
namespace {

using namespace store_sql;
using Poco::Data::Statement;

constexpr std::string_view kSent = "sent";
constexpr std::string_view kResend = "resend";

}  // namespace

std::optional<Settlement> ParseSettlement(std::string_view text) {
  if (text == kSent) return Settlement::kSent;
  if (text == kResend) return Settlement::kResend;
  return std::nullopt;
}

std::string_view SettlementName(Settlement decision) {
  return decision == Settlement::kSent ? kSent : kResend;
}

Result<std::optional<EmailToSend>> JobStore::ClaimEmail(const std::string& owner,
                                                        std::int64_t lease_until) {
  return Guard([&]() -> Result<std::optional<EmailToSend>> {
    Session session = PooledSession(*pool_, postgres_);
    const std::int64_t at = NowMs();
    std::vector<std::string> job_ids, envelopes;
    std::vector<Poco::Int64> indexes, attempts;
    std::vector<BLOB> emls;
    // Waiting e-mails, and those whose sender's lease ran out while still
    // "sending": that sender never wrote the final "." (it records
    // "delivering" first), so the relay delivered nothing and sending again
    // cannot make a second copy.
    if (postgres_) {
      session << "UPDATE items SET email_status = 'sending', email_owner = $1, email_lease = $2 "
                 "WHERE (job_id, idx) IN (SELECT i.job_id, i.idx FROM items i "
                 "JOIN jobs j ON j.id = i.job_id WHERE ((i.email_status = 'pending' AND "
                 "i.email_next <= $3) OR (i.email_status = 'sending' AND i.email_lease < $3)) AND "
                 "i.status = 'ok' AND j.status <> 'cancelled' "
                 "ORDER BY i.email_next LIMIT 1 FOR UPDATE OF i SKIP LOCKED) "
                 "RETURNING job_id, idx, email_envelope, eml, email_attempts",
          bind(owner), bind(lease_until), bind(at), into(job_ids), into(indexes), into(envelopes),
          into(emls), into(attempts), now;
    } else {
      Transaction transaction(session, postgres_);
      session << "SELECT i.job_id, i.idx, i.email_envelope, i.eml, i.email_attempts FROM items i "
                 "JOIN jobs j ON j.id = i.job_id WHERE ((i.email_status = 'pending' AND "
                 "i.email_next <= ?) OR (i.email_status = 'sending' AND i.email_lease < ?)) AND "
                 "i.status = 'ok' AND j.status <> 'cancelled' ORDER BY i.email_next LIMIT 1",
          bind(at), bind(at), into(job_ids), into(indexes), into(envelopes), into(emls),
          into(attempts), now;
      if (!job_ids.empty())
        session << "UPDATE items SET email_status = 'sending', email_owner = ?, email_lease = ? "
                   "WHERE job_id = ? AND idx = ?",
            bind(owner), bind(lease_until), bind(job_ids[0]), bind(indexes[0]), now;
      transaction.Commit();
    }
    if (job_ids.empty()) return std::optional<EmailToSend>();
    return std::optional<EmailToSend>(
        EmailToSend{job_ids[0], indexes[0], envelopes[0], FromBlob(emls[0]), attempts[0]});
  });
}

Result<bool> JobStore::MarkEmailDelivering(const std::string& owner, const EmailToSend& email,
                                           std::int64_t lease_until) {
  return Guard([&]() -> Result<bool> {
    Session session = PooledSession(*pool_, postgres_);
    Statement update(session);
    update << Sql(
        "UPDATE items SET email_status = 'delivering', email_lease = ? "
        "WHERE job_id = ? AND idx = ? AND email_status = 'sending' AND email_owner = ?"),
        bind(lease_until), bind(email.job_id), bind(email.index), bind(owner);
    return update.execute() > 0;
  });
}

Status JobStore::FinishEmail(const std::string& owner, const EmailToSend& email,
                             const std::string& status, const std::string& reply,
                             std::int64_t next_ms) {
  return Guard([&]() -> Status {
    Session session = PooledSession(*pool_, postgres_);
    session << Sql(
        "UPDATE items SET email_status = ?, email_reply = ?, email_next = ?, "
        "email_attempts = email_attempts + 1, email_owner = '', email_lease = 0 "
        "WHERE job_id = ? AND idx = ? AND email_status IN ('sending', 'delivering') AND "
        "email_owner = ?"),
        bind(status), bind(reply), bind(next_ms), bind(email.job_id), bind(email.index),
        bind(owner), now;
    return Status::Ok();
  });
}

Result<std::int64_t> JobStore::ExpireDeliveries(std::int64_t now_ms) {
  return Guard([&]() -> Result<std::int64_t> {
    Session session = PooledSession(*pool_, postgres_);
    Statement update(session);
    const std::string reply(kDeliveryUnknown);
    update << Sql(
        "UPDATE items SET email_status = 'unconfirmed', email_reply = ?, email_owner = '', "
        "email_lease = 0 WHERE email_status = 'delivering' AND email_lease < ?"),
        bind(reply), bind(now_ms);
    return static_cast<std::int64_t>(update.execute());
  });
}

Result<std::vector<UnconfirmedEmail>> JobStore::UnconfirmedEmails(const std::string& job_id) {
  return Guard([&]() -> Result<std::vector<UnconfirmedEmail>> {
    Session session = PooledSession(*pool_, postgres_);
    std::vector<std::string> job_ids, envelopes, replies;
    std::vector<Poco::Int64> indexes;
    std::vector<BLOB> emls;
    const std::string columns = "SELECT job_id, idx, email_envelope, email_reply, substr(eml, 1, " +
                                std::to_string(kUnconfirmedEmlHead) +
                                ") FROM items "
                                "WHERE email_status = 'unconfirmed'";
    if (job_id.empty()) {
      session << columns + " ORDER BY job_id, idx", into(job_ids), into(indexes), into(envelopes),
          into(replies), into(emls), now;
    } else {
      session << Sql(columns + " AND job_id = ? ORDER BY idx"), bind(job_id), into(job_ids),
          into(indexes), into(envelopes), into(replies), into(emls), now;
    }
    // Only the message's head is read: a relay gone silent can leave
    // thousands unconfirmed, each with a PDF attached.
    std::vector<UnconfirmedEmail> found(job_ids.size());
    for (std::size_t i = 0; i < found.size(); ++i)
      found[i] = {job_ids[i], indexes[i], envelopes[i], replies[i], FromBlob(emls[i])};
    return found;
  });
}

Result<SettleOutcome> JobStore::SettleEmail(const std::string& job_id, std::int64_t index,
                                            Settlement decision) {
  return Guard([&]() -> Result<SettleOutcome> {
    Session session = PooledSession(*pool_, postgres_);
    Transaction transaction(session, postgres_);
    SettleOutcome outcome;
    std::vector<std::string> statuses, settled;
    // The row is locked (PostgreSQL FOR UPDATE, SQLite BEGIN IMMEDIATE) so
    // that two settlements at once are applied one after the other.
    session << Sql(std::string("SELECT email_status, email_settled FROM items "
                               "WHERE job_id = ? AND idx = ?") +
                   (postgres_ ? " FOR UPDATE" : "")),
        bind(job_id), bind(index), into(statuses), into(settled), now;
    if (statuses.empty()) {
      std::int64_t jobs = 0;
      session << Sql("SELECT COUNT(*) FROM jobs WHERE id = ?"), bind(job_id), into(jobs), now;
      outcome.kind = jobs > 0 ? SettleOutcome::Kind::kNoItem : SettleOutcome::Kind::kNoJob;
      return outcome;
    }
    outcome.email_status = statuses[0];
    outcome.settled = settled[0];
    const std::string name(SettlementName(decision));
    if (statuses[0] != "unconfirmed") {
      outcome.kind = settled[0].empty()   ? SettleOutcome::Kind::kNotUnconfirmed
                     : settled[0] == name ? SettleOutcome::Kind::kAlreadySettled
                                          : SettleOutcome::Kind::kSettledOtherwise;
      return outcome;
    }
    const bool resend = decision == Settlement::kResend;
    const std::string status = resend ? "pending" : "sent";
    const std::string reply = resend ? "" : "confirmed by the operator";
    session << Sql(
        "UPDATE items SET email_status = ?, email_reply = ?, email_next = 0, email_settled = ? "
        "WHERE job_id = ? AND idx = ?"),
        bind(status), bind(reply), bind(name), bind(job_id), bind(index), now;
    if (resend) NotifyOthers(session);
    transaction.Commit();
    if (resend) NotifyHere();
    outcome.kind = SettleOutcome::Kind::kSettled;
    outcome.email_status = status;
    outcome.settled = name;
    return outcome;
  });
}

}  // namespace parting::jobs
