// RenderQueue: the bounded pool that does the CPU work of the service
// (planning, composing, typesetting, PDF writing), apart from Poco's
// connection threads.
//
//   RenderQueue queue(/*workers=*/4, /*capacity=*/16);
//   auto pdf = queue.RunWithin(std::chrono::seconds(30), [=] { return engine->Render(json); });
//   if (pdf.outcome == RenderQueue::Outcome::kFull) ...  // answer 503 at once
//
// Poco holds one thread per open connection and queues connections beyond
// that, silently; a request that waits there is a request that hangs. So the
// connection threads only read, route and write, and hand the work to this
// queue: `workers` jobs run at once, at most `capacity` more wait, and a job
// beyond that waits up to `admission_wait` for a place, then is refused
// (kFull), which the handler turns into 503 with Retry-After. (An instant
// refusal makes clients that retry at once spend the cores on refusals:
// under overload, waiting keeps the useful throughput.) A caller waits for its job at most its time
// limit (kTimedOut); a job whose caller gave up before it started is dropped, one already running
// finishes and its result is discarded. A caller may also say how to tell that nobody waits for it
// any more (its client closed the connection): such a job is dropped before it starts
// (kCallerGone), and a full queue first sheds the jobs whose callers are gone. An exception thrown
// by a job is rethrown to its caller, never out of a worker.
//
// Thread-safe. The destructor runs the jobs still queued, then joins the
// workers.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace parting::server {

class RenderQueue {
 public:
  /// `workers` >= 1 threads; `capacity` >= 0 jobs may wait for one; a job
  /// beyond waits at most `admission_wait` for a place.
  RenderQueue(int workers, std::size_t capacity,
              std::chrono::milliseconds admission_wait = std::chrono::milliseconds(0));
  ~RenderQueue();
  RenderQueue(const RenderQueue&) = delete;
  RenderQueue& operator=(const RenderQueue&) = delete;

  enum class Outcome { kDone, kFull, kTimedOut, kCallerGone };

  template <class T>
  struct Run {
    Outcome outcome = Outcome::kFull;
    std::optional<T> value;  ///< when kDone
  };

  /// Runs `job` on a worker and waits for it at most `limit`; rethrows what
  /// `job` throws. `still_wanted` (optional, called on a worker while the
  /// caller waits) returns false once the result would go nowhere.
  template <class T>
  Run<T> RunWithin(std::chrono::milliseconds limit, std::function<T()> job,
                   std::function<bool()> still_wanted = nullptr);

  /// Jobs waiting for a worker (not those running).
  std::size_t depth() const;
  std::size_t capacity() const { return capacity_; }
  int workers() const { return static_cast<int>(threads_.size()); }
  /// Jobs running now.
  int busy() const;

 private:
  // What a caller and the worker running its job share; outlives whichever
  // of them gives up first.
  template <class T>
  struct Slot {
    std::mutex mutex;
    std::condition_variable done;
    std::optional<T> value;
    std::exception_ptr error;
    bool abandoned = false;  ///< the caller stopped waiting
    bool dropped = false;    ///< the job was dropped: nobody wanted it
    bool finished() const { return value.has_value() || error || dropped; }
  };

  struct Entry {
    std::function<void()> run;
    std::function<bool()> wanted;  ///< false: drop instead of running
    std::function<void()> drop;    ///< tells the caller
  };

  /// Queues `entry`; false when `capacity` jobs already wait (after shedding
  /// the unwanted ones).
  bool TrySubmit(Entry entry);
  void Work();
  /// Workers not running a job; requires mutex_.
  std::size_t Idle() const;
  /// Whether one more job may queue; requires mutex_.
  bool HasRoom() const;
  /// Moves the queued jobs nobody wants any more to `shed`; requires mutex_.
  void ShedUnwanted(std::vector<Entry>& shed);

  const std::size_t capacity_;
  const std::chrono::milliseconds admission_wait_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable room_;  ///< a job left the queue
  std::deque<Entry> jobs_;
  int busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

template <class T>
RenderQueue::Run<T> RenderQueue::RunWithin(std::chrono::milliseconds limit, std::function<T()> job,
                                           std::function<bool()> still_wanted) {
  auto slot = std::make_shared<Slot<T>>();
  Entry entry;
  entry.run = [slot, job = std::move(job)] {
    {
      std::lock_guard lock(slot->mutex);
      if (slot->abandoned) return;  // nobody waits for it any more
    }
    std::optional<T> value;
    std::exception_ptr error;
    try {
      value.emplace(job());
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard lock(slot->mutex);
    slot->value = std::move(value);
    slot->error = error;
    slot->done.notify_one();
  };
  // Holding the slot's mutex keeps the caller waiting (and whatever
  // still_wanted looks at alive) while it is asked.
  entry.wanted = [slot, still_wanted = std::move(still_wanted)] {
    std::lock_guard lock(slot->mutex);
    return !slot->abandoned && (!still_wanted || still_wanted());
  };
  entry.drop = [slot] {
    std::lock_guard lock(slot->mutex);
    slot->dropped = true;
    slot->done.notify_one();
  };
  Run<T> run;
  if (!TrySubmit(std::move(entry))) return run;
  std::unique_lock lock(slot->mutex);
  if (!slot->done.wait_for(lock, limit, [&] { return slot->finished(); })) {
    slot->abandoned = true;
    run.outcome = Outcome::kTimedOut;
    return run;
  }
  if (slot->error) std::rethrow_exception(slot->error);
  if (slot->dropped) {
    run.outcome = Outcome::kCallerGone;
    return run;
  }
  run.outcome = Outcome::kDone;
  run.value = std::move(slot->value);
  return run;
}

}  // namespace parting::server
