// JobWorker: the threads that work a store's job items, send due callbacks
// and delete jobs past their retention. Used by `parting serve` (unless
// --job-workers 0) and by `parting worker`.
//
// Each thread claims a few items at a time with one lease (job_store.h;
// --job-claim, fewer when renders are slow, so that a claim never outlives
// its lease), renders them with the same engine and batch code as POST
// /v1/letters/batch, and stores the results together, in one transaction,
// within a quarter of a second of the first (one commit and one fsync for
// several letters), only while it still holds their claims. Stop() lets
// every thread finish the item in hand and store it, gives back the items
// not begun, then joins: SIGTERM loses no work. A process killed outright loses nothing either: its
// claims expire and another worker takes the items.
//
// An idle thread does not poll: it sleeps until the store says work arrived
// (job_store.h AddWorkListener: this process's changes at once, other
// processes' through PostgreSQL LISTEN/NOTIFY), until the next lease or
// retry falls due (NextDueMs), or at most options.poll (5 s), a fallback
// for wake-ups that cannot come (other processes on one SQLite file).
//
//   JobWorker worker(store, engine, notes, options);
//   worker.Start();
//   ...
//   worker.Stop();
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "jobs/job_options.h"
#include "jobs/job_store.h"
#include "parting/engine.h"

namespace parting::batch {
class CoverNotes;
}

namespace parting::jobs {

class JobWorker {
 public:
  JobWorker(JobStore& store, std::shared_ptr<const Engine> engine,
            std::shared_ptr<const batch::CoverNotes> notes, const JobOptions& options);
  ~JobWorker();  ///< Stop()s
  JobWorker(const JobWorker&) = delete;
  JobWorker& operator=(const JobWorker&) = delete;

  /// Called with the language of each letter this worker rendered and
  /// stored (for /metrics); set before Start(). Unset: nothing.
  void OnLetter(std::function<void(std::string_view language)> on_letter) {
    on_letter_ = std::move(on_letter);
  }

  /// Starts options.workers threads (at least one, for callbacks and retention).
  void Start();
  /// Ends every thread after the item in hand; idempotent.
  void Stop();
  /// Ends every thread's idle wait at once (work may have arrived).
  void Wake();

  /// "host:pid:random": who holds this worker's claims.
  const std::string& owner() const { return owner_; }
  /// Items this worker stored (for logs and tests).
  std::int64_t completed() const { return completed_.load(); }
  /// Where the time went, per stored item: "per item: claim 0.4 ms, render
  /// 11.2 ms, store 1.1 ms" (claims and stores in wall time, waits included).
  std::string TimingsText() const;

 private:
  void Run(int thread_index);
  bool WorkItems();
  int ClaimSize() const;
  void StoreResults(const std::vector<ClaimedItem>& claimed, const std::vector<ItemResult>& results,
                    std::size_t from);
  bool SendOneCallback();
  bool SendOneEmail();
  void ExpireDeliveries(std::int64_t now);
  void Sweep();
  std::uint64_t Generation();
  void Idle(int thread_index, std::uint64_t seen, std::int64_t since_ms);

  JobStore& store_;
  std::shared_ptr<const Engine> engine_;
  std::shared_ptr<const batch::CoverNotes> notes_;
  JobOptions options_;
  std::string owner_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::int64_t> completed_{0};
  std::atomic<std::int64_t> claim_us_{0}, render_us_{0}, store_us_{0};
  std::atomic<std::int64_t> render_ms_;  ///< a running average of one render
  std::mutex mutex_;
  std::condition_variable wake_;
  std::uint64_t generation_ = 0;  ///< counts Wake()s; a thread sleeps while it is unchanged
  int listener_ = 0;              ///< the store's handle of Wake()
  std::int64_t next_sweep_ms_ = 0;
  std::function<void(std::string_view)> on_letter_;
  std::atomic<std::int64_t> next_expiry_ms_{0};
};

}  // namespace parting::jobs
