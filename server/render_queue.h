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
// beyond that is refused at once (kFull), which the handler turns into 503
// with Retry-After. A caller waits for its job at most its time limit
// (kTimedOut); a job whose caller gave up before it started is dropped, one
// already running finishes and its result is discarded. A job that throws
// hands its exception to the caller of RunWithin(), never to the worker
// thread (where it would end the process).
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
  /// `workers` >= 1 threads; `capacity` >= 0 jobs may wait for one.
  RenderQueue(int workers, std::size_t capacity);
  ~RenderQueue();
  RenderQueue(const RenderQueue&) = delete;
  RenderQueue& operator=(const RenderQueue&) = delete;

  enum class Outcome { kDone, kFull, kTimedOut };

  template <class T>
  struct Run {
    Outcome outcome = Outcome::kFull;
    std::optional<T> value;  ///< when kDone
  };

  /// Runs `job` on a worker and waits for it at most `limit`; rethrows what
  /// the job threw.
  template <class T>
  Run<T> RunWithin(std::chrono::milliseconds limit, std::function<T()> job);

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
    std::exception_ptr error;  ///< what the job threw
    bool abandoned = false;
  };

  /// Queues `job`; false when `capacity` jobs already wait.
  bool TrySubmit(std::function<void()> job);
  void Work();
  /// Workers not running a job; requires mutex_.
  std::size_t Idle() const;

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  int busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

template <class T>
RenderQueue::Run<T> RenderQueue::RunWithin(std::chrono::milliseconds limit,
                                           std::function<T()> job) {
  auto slot = std::make_shared<Slot<T>>();
  const bool queued = TrySubmit([slot, job = std::move(job)] {
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
  });
  Run<T> run;
  if (!queued) return run;
  std::unique_lock lock(slot->mutex);
  if (!slot->done.wait_for(lock, limit, [&] { return slot->value.has_value() || slot->error; })) {
    slot->abandoned = true;
    run.outcome = Outcome::kTimedOut;
    return run;
  }
  if (slot->error) std::rethrow_exception(slot->error);
  run.outcome = Outcome::kDone;
  run.value = std::move(slot->value);
  return run;
}

}  // namespace parting::server
