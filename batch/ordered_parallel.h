// RunInOrder: produce results on several threads, consume them in order.
//
// A batch renders its letters concurrently but writes them in the order they
// came in. `produce(i)` runs on up to `jobs` worker threads; `consume(i, r)`
// runs on the calling thread for i = 0, 1, 2, … as soon as result i is ready.
// Workers never run more than `window` items ahead of the consumer, so at
// most `window` results are held at once however long the batch. When
// `consume` throws (say the client went away), the workers stop after their
// current item and the exception reaches the caller. When `produce` throws,
// the exception is carried to the consumer's turn for that item and rethrown
// on the calling thread, never on a worker (where it would end the process).
//
//   RunInOrder<std::string>(letters.size(), cores, 2 * cores,
//       [&](size_t i) { return Render(letters[i]); },
//       [&](size_t i, std::string& pdf) { zip.Add(Name(i), pdf, date); });
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace parting::batch {

template <typename T>
void RunInOrder(std::size_t count, std::size_t jobs, std::size_t window,
                const std::function<T(std::size_t)>& produce,
                const std::function<void(std::size_t, T&)>& consume) {
  jobs = std::max<std::size_t>(1, std::min(jobs, count));
  window = std::max(window, jobs);
  std::vector<std::optional<T>> slots(count);
  std::vector<std::exception_ptr> errors(count);
  std::mutex mutex;
  std::condition_variable ready;     // a result arrived
  std::condition_variable advanced;  // the consumer moved on, or stop
  std::size_t next = 0;              // the next index to hand to a worker
  std::size_t consumed = 0;          // results taken by the consumer
  bool stop = false;

  auto work = [&] {
    while (true) {
      std::size_t index;
      {
        std::unique_lock lock(mutex);
        advanced.wait(lock, [&] { return stop || next >= count || next < consumed + window; });
        if (stop || next >= count) return;
        index = next++;
      }
      std::optional<T> result;
      std::exception_ptr error;
      try {
        result.emplace(produce(index));
      } catch (...) {
        error = std::current_exception();
        result.emplace();
      }
      {
        std::lock_guard lock(mutex);
        slots[index] = std::move(result);
        errors[index] = error;
      }
      ready.notify_all();
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(jobs);
  for (std::size_t i = 0; i < jobs; ++i) workers.emplace_back(work);
  auto join = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    advanced.notify_all();
    for (std::thread& worker : workers) worker.join();
  };

  try {
    for (std::size_t i = 0; i < count; ++i) {
      T result;
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return slots[i].has_value(); });
        result = std::move(*slots[i]);
        slots[i].reset();
        consumed = i + 1;
      }
      advanced.notify_all();
      if (errors[i]) std::rethrow_exception(errors[i]);
      consume(i, result);
    }
  } catch (...) {
    join();
    throw;
  }
  join();
}

}  // namespace parting::batch
