// JobWorker: the threads that work a store's job items, send due callbacks
// and delete jobs past their retention. Used by `parting serve` (unless
// --job-workers 0) and by `parting worker`.
//
// Each thread claims one item at a time with a lease (job_store.h), renders
// it with the same engine and batch code as POST /v1/letters/batch, and
// stores the result only while it still holds the claim. Stop() lets every
// thread finish the item in hand and store it, then joins: SIGTERM loses no
// work. A process killed outright loses nothing either: its claims expire
// and another worker takes the items.
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
  /// Ends the idle wait at once (a job was just created).
  void Wake();

  /// "host:pid:random": who holds this worker's claims.
  const std::string& owner() const { return owner_; }
  /// Items this worker stored (for logs and tests).
  std::int64_t completed() const { return completed_.load(); }

 private:
  void Run(int thread_index);
  bool WorkOneItem();
  bool SendOneCallback();
  bool SendOneEmail();
  void Sweep();
  void Idle();

  JobStore& store_;
  std::shared_ptr<const Engine> engine_;
  std::shared_ptr<const batch::CoverNotes> notes_;
  JobOptions options_;
  std::string owner_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::int64_t> completed_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool woken_ = false;
  std::int64_t next_sweep_ms_ = 0;
  std::function<void(std::string_view)> on_letter_;
};

}  // namespace parting::jobs
