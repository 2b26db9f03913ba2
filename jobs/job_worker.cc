#include "jobs/job_worker.h"

#include <Poco/Environment.h>
#include <unistd.h>

#include <algorithm>
#include <random>

#include "jobs/batch_seam.h"
#include "jobs/callback_sender.h"
#include "jobs/mail_sender.h"
#include "server/access_log.h"

namespace parting::jobs {
namespace {

// Results are stored together (one transaction, one commit) at most this
// long after the first of them was rendered.
constexpr std::int64_t kGroupWindowMs = 250;
// A claim holds only as many items as render within this share of the lease.
constexpr std::int64_t kLeaseShare = 4;
constexpr std::int64_t kFirstRenderGuessMs = 50;  // until one is measured
constexpr std::chrono::milliseconds kErrorPause{1000};
constexpr std::chrono::milliseconds kCallbackTimeout{10000};
constexpr std::chrono::milliseconds kSmtpTimeout{30000};
constexpr std::int64_t kSweepEveryMs = 60 * 1000;
constexpr std::int64_t kExpireDeliveriesEveryMs = 1000;
constexpr std::int64_t kMaxBackoffMs = 3600 * 1000;

// A store that refuses a write for lack of space (SQLite SQLITE_FULL,
// PostgreSQL "could not extend file" / ENOSPC), not for being unreachable.
bool IsOutOfSpace(const Status& status) {
  const std::string& message = status.message();
  for (const char* sign : {"disk is full", "No space left", "could not extend", "too big"})
    if (message.find(sign) != std::string::npos) return true;
  return false;
}

std::int64_t MicrosecondsSince(std::chrono::steady_clock::time_point begun) {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                               begun)
      .count();
}

std::string MakeOwner() {
  std::random_device random;
  char suffix[9];
  std::snprintf(suffix, sizeof suffix, "%08x", random());
  return Poco::Environment::nodeName() + ":" + std::to_string(getpid()) + ":" + suffix;
}

}  // namespace

JobWorker::JobWorker(JobStore& store, std::shared_ptr<const Engine> engine,
                     std::shared_ptr<const batch::CoverNotes> notes, const JobOptions& options)
    : store_(store),
      engine_(std::move(engine)),
      notes_(std::move(notes)),
      options_(options),
      owner_(MakeOwner()),
      render_ms_(kFirstRenderGuessMs) {
  listener_ = store_.AddWorkListener([this] { Wake(); });
}

JobWorker::~JobWorker() {
  Stop();
  store_.RemoveWorkListener(listener_);
}

void JobWorker::Start() {
  const int threads = std::max(1, options_.workers);
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this, i] { Run(i); });
}

void JobWorker::Stop() {
  stopping_ = true;
  Wake();
  for (std::thread& thread : threads_)
    if (thread.joinable()) thread.join();
  threads_.clear();
}

void JobWorker::Wake() {
  {
    std::lock_guard lock(mutex_);
    ++generation_;
  }
  wake_.notify_all();
}

std::uint64_t JobWorker::Generation() {
  std::lock_guard lock(mutex_);
  return generation_;
}

// Sleeps until a Wake() after `seen` (taken before this round's claims, so
// that work arriving during them is not slept through), until what the
// store knows falls due next (after `since_ms`, when this round began:
// anything due earlier was there to claim), or options.poll at most.
void JobWorker::Idle(int thread_index, std::uint64_t seen, std::int64_t since_ms) {
  std::int64_t until = NowMs() + options_.poll.count();
  const bool sends = options_.workers > 0 && options_.smtp.has_value();
  // Not left to the next round's rate limit: a lease that ran out since
  // then would otherwise wait for the fallback poll.
  if (sends) ExpireDeliveries(NowMs());
  auto due = store_.NextDueMs(since_ms, sends, thread_index == 0);
  if (due.ok() && *due > 0) until = std::min(until, *due);
  if (thread_index == 0) until = std::min(until, next_sweep_ms_);
  const std::int64_t wait_ms = until - NowMs();
  std::unique_lock lock(mutex_);
  if (wait_ms <= 0 || generation_ != seen) return;
  wake_.wait_for(lock, std::chrono::milliseconds(wait_ms),
                 [&] { return generation_ != seen || stopping_.load(); });
}

void JobWorker::Run(int thread_index) {
  // Thread 0 also sends callbacks and deletes old jobs; with --job-workers 0
  // it does only that.
  const bool renders = options_.workers > 0;
  while (!stopping_) {
    const std::uint64_t seen = Generation();
    const std::int64_t since_ms = NowMs();
    bool worked = false;
    if (renders) worked = WorkItems() || (options_.smtp && SendOneEmail());
    if (thread_index == 0 && !stopping_) {
      worked = SendOneCallback() || worked;
      Sweep();
    }
    if (!worked && !stopping_) Idle(thread_index, seen, since_ms);
  }
}

int JobWorker::ClaimSize() const {
  // Renders of 20 ms and a lease of 3 s allow 37 items, 2 s renders on a
  // starved machine only one: a claim never outlives its lease.
  const std::int64_t render_ms = std::max<std::int64_t>(1, render_ms_.load());
  const std::int64_t fits = options_.lease.count() / kLeaseShare / render_ms;
  return static_cast<int>(std::clamp<std::int64_t>(fits, 1, std::max(1, options_.claim)));
}

bool JobWorker::WorkItems() {
  const auto claim_begun = std::chrono::steady_clock::now();
  const std::int64_t lease_until = NowMs() + options_.lease.count();
  auto claimed = store_.Claim(owner_, ClaimSize(), lease_until);
  claim_us_ += MicrosecondsSince(claim_begun);
  if (!claimed.ok()) {
    server::LogServerMessage("jobs: cannot claim items: " + claimed.status().message(), "error");
    std::this_thread::sleep_for(kErrorPause);
    return false;
  }
  if (claimed->empty()) return false;
  std::vector<ItemResult> results;
  results.reserve(claimed->size());
  std::size_t stored = 0;  // results[0, stored) are stored
  std::int64_t group_start = 0;
  for (std::size_t i = 0; i < claimed->size(); ++i) {
    if (stopping_) {
      // The items not begun go back at once rather than after the lease.
      const std::vector<ClaimedItem> rest(claimed->begin() + static_cast<std::ptrdiff_t>(i),
                                          claimed->end());
      const Status released = store_.Release(owner_, rest);
      if (!released.ok())
        server::LogServerMessage("jobs: cannot give back items: " + released.message(), "error");
      claimed->resize(i);
      break;
    }
    const auto begun = std::chrono::steady_clock::now();
    if (results.size() == stored) group_start = NowMs();
    results.push_back(ProduceItem(*engine_, *notes_, (*claimed)[i], options_.render_limit,
                                  options_.smtp.has_value()));
    const std::int64_t took = MicrosecondsSince(begun);
    render_us_ += took;
    render_ms_ = (render_ms_.load() * 3 + took / 1000) / 4;
    if (NowMs() - group_start >= kGroupWindowMs) {
      StoreResults(*claimed, results, stored);
      stored = results.size();
    }
  }
  StoreResults(*claimed, results, stored);
  return true;
}

// Stores results[from..] of `claimed` in one transaction; a store that is
// full gets them one by one, and an item that does not fit fails alone.
void JobWorker::StoreResults(const std::vector<ClaimedItem>& claimed,
                             const std::vector<ItemResult>& results, std::size_t from) {
  if (from >= results.size()) return;
  const auto begun = std::chrono::steady_clock::now();
  struct Clock {  // store time, however this returns
    std::atomic<std::int64_t>& total;
    std::chrono::steady_clock::time_point begun;
    ~Clock() { total += MicrosecondsSince(begun); }
  } clock{store_us_, begun};
  std::vector<Completion> group;
  for (std::size_t i = from; i < results.size(); ++i) group.push_back({&claimed[i], &results[i]});
  auto stored = store_.Complete(owner_, group);
  if (stored.ok()) {
    for (std::size_t k = 0; k < stored->size(); ++k) {
      if (!(*stored)[k]) continue;
      ++completed_;
      const ItemResult& result = *group[k].result;
      if (on_letter_ && result.status == kOk) on_letter_(result.language);
    }
    return;
  }
  if (!IsOutOfSpace(stored.status())) {
    // The claims expire and another worker (or this one) renders them again.
    server::LogServerMessage("jobs: cannot store items: " + stored.status().message(), "error");
    std::this_thread::sleep_for(kErrorPause);
    return;
  }
  for (const Completion& completion : group) {
    const ClaimedItem& item = *completion.item;
    auto one = store_.Complete(owner_, item, *completion.result);
    if (!one.ok() && IsOutOfSpace(one.status())) {
      // The letter cannot be kept: the item fails (a small write that
      // usually still fits), the job goes on, the service keeps serving.
      server::LogServerMessage("jobs: item " + std::to_string(item.index) + " of job " +
                                   item.job_id + " cannot be stored: " + one.status().message(),
                               "error");
      one = store_.Complete(
          owner_, item,
          UnstorableItem(item,
                         "the letter could not be stored (the job store is full); the "
                         "service log has details"));
    }
    if (!one.ok()) {
      server::LogServerMessage("jobs: cannot store an item: " + one.status().message(), "error");
      std::this_thread::sleep_for(kErrorPause);
    } else if (*one) {
      ++completed_;
      const ItemResult& result = *completion.result;
      if (on_letter_ && result.status == kOk) on_letter_(result.language);
    }
  }
}

// Exactly once where SMTP allows it (job_store.h ClaimEmail): the e-mail is
// claimed as "sending" with a lease; the whole message is written to the
// relay but its final "." is held back until "delivering" is committed. A
// sender that dies before that commit delivered nothing, and the e-mail is
// sent again once its lease expires; one that dies after it leaves the
// e-mail "delivering", which becomes "unconfirmed" (perhaps delivered) for
// the operator to resolve (parting unconfirmed). The unknown window is one
// round trip to the relay plus one store commit.
bool JobWorker::SendOneEmail() {
  if (const std::int64_t now = NowMs(); now >= next_expiry_ms_) ExpireDeliveries(now);
  auto claimed = store_.ClaimEmail(owner_, NowMs() + options_.lease.count());
  if (!claimed.ok()) {
    server::LogServerMessage("jobs: cannot claim an e-mail: " + claimed.status().message(),
                             "error");
    return false;
  }
  if (!claimed->has_value()) return false;
  const EmailToSend& email = **claimed;
  const SendOutcome sent =
      SendMail(*options_.smtp, Envelope::Decode(email.envelope), email.eml, kSmtpTimeout, [&] {
        auto marked = store_.MarkEmailDelivering(owner_, email, NowMs() + options_.lease.count());
        return marked.ok() && *marked;
      });
  if (sent.kind == SendOutcome::Kind::kHeldBack) {
    // The claim was taken over (or the store is away): its new owner sends
    // it, or it is claimed again once the lease expires. Nothing to record.
    server::LogServerMessage("jobs: e-mail of item " + std::to_string(email.index) + " of job " +
                                 email.job_id + " held back before its final '.'",
                             "warning");
    return true;
  }
  std::string status;
  std::int64_t next = 0;
  switch (sent.kind) {
    case SendOutcome::Kind::kSent:
      status = "sent";
      break;
    case SendOutcome::Kind::kFailed:
      status = "failed";
      break;
    case SendOutcome::Kind::kUnconfirmed:
      status = "unconfirmed";
      break;
    case SendOutcome::Kind::kHeldBack:
      break;  // returned above
    case SendOutcome::Kind::kRetry:
      if (email.attempts + 1 >= options_.email_max_attempts) {
        status = "failed";
      } else {
        status = "pending";
        next = NowMs() + std::min(kMaxBackoffMs, options_.email_backoff.count() << email.attempts);
      }
      break;
  }
  const Status recorded = store_.FinishEmail(owner_, email, status, sent.reply, next);
  if (!recorded.ok())
    server::LogServerMessage("jobs: cannot record an e-mail: " + recorded.message(), "error");
  return true;
}

// "delivering" e-mails whose sender's lease ran out become "unconfirmed".
void JobWorker::ExpireDeliveries(std::int64_t now) {
  next_expiry_ms_ = now + kExpireDeliveriesEveryMs;
  auto expired = store_.ExpireDeliveries(now);
  if (expired.ok() && *expired > 0)
    server::LogServerMessage("jobs: " + std::to_string(*expired) +
                                 " e-mail(s) unconfirmed: their sender stopped after the final "
                                 "'.' (GET /v1/emails/unconfirmed and parting unconfirmed list "
                                 "them)",
                             "warning");
}

bool JobWorker::SendOneCallback() {
  auto due = store_.ClaimCallback(owner_, NowMs() + kCallbackTimeout.count() * 2);
  if (!due.ok() || !due->has_value()) return false;
  const DueCallback& callback = **due;
  auto job = store_.Find(callback.job_id);
  if (!job.ok() || !job->has_value()) return false;
  const CallbackOutcome outcome =
      SendCallback(options_.callback_allow, options_.callback_secret, callback.url,
                   CallbackBody(**job), kCallbackTimeout, options_.tls_ca_file);
  const std::int64_t made = callback.attempts + 1;
  std::int64_t next = 0;
  if (!outcome.delivered && made < options_.callback_max_attempts) {
    const std::int64_t delay =
        std::min(kMaxBackoffMs, options_.callback_backoff.count() << (made - 1));
    next = NowMs() + delay;
  }
  const Status status =
      store_.RecordCallbackAttempt(owner_, callback.job_id, outcome.attempt, next);
  if (!status.ok())
    server::LogServerMessage("jobs: cannot record a callback: " + status.message(), "error");
  return true;
}

void JobWorker::Sweep() {
  const std::int64_t now = NowMs();
  if (now < next_sweep_ms_) return;
  // Often enough for a short retention, at most once a minute.
  next_sweep_ms_ =
      now + std::clamp<std::int64_t>(options_.retention.count() / 2, 500, kSweepEveryMs);
  auto deleted = store_.DeleteEndedBefore(now - options_.retention.count());
  if (!deleted.ok())
    server::LogServerMessage("jobs: retention sweep failed: " + deleted.status().message(),
                             "error");
  else if (*deleted > 0)
    server::LogServerMessage("jobs: deleted " + std::to_string(*deleted) +
                             " job(s) past their retention");
}

}  // namespace parting::jobs

namespace parting::jobs {

std::string JobWorker::TimingsText() const {
  const std::int64_t items = completed_.load();
  auto each = [&](std::int64_t us) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ms", items > 0 ? us / 1000.0 / items : 0.0);
    return std::string(text);
  };
  return "per item: claim " + each(claim_us_.load()) + ", render " + each(render_us_.load()) +
         ", store " + each(store_us_.load());
}

}  // namespace parting::jobs
