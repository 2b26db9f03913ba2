#include "server/render_queue.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

namespace parting::server {
namespace {

using namespace std::chrono_literals;
using Outcome = RenderQueue::Outcome;

// A job that holds its worker until the test opens the gate.
struct Gate {
  std::promise<void> opened;
  std::shared_future<void> wait = opened.get_future().share();
  void Open() { opened.set_value(); }
};

void WaitUntil(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (!condition() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(1ms);
  REQUIRE(condition());
}

// A job that holds one worker until `gate` opens; returns once it runs.
// (Once it runs, not once busy() says 1: a job that has just returned its
// result may still count as busy for a moment, before this one is queued.)
std::future<RenderQueue::Run<int>> Occupy(RenderQueue& queue, Gate& gate) {
  auto started = std::make_shared<std::atomic<bool>>(false);
  auto blocked = std::async(std::launch::async, [&queue, wait = gate.wait, started] {
    return queue.RunWithin<int>(10s, [wait, started] {
      started->store(true);
      wait.wait();
      return 1;
    });
  });
  WaitUntil([&] { return started->load() && queue.busy() >= 1; });
  return blocked;
}

TEST_CASE("a job runs on a worker and its result comes back") {
  RenderQueue queue(2, 4);
  const auto caller = std::this_thread::get_id();
  const auto run = queue.RunWithin<std::thread::id>(1s, [] { return std::this_thread::get_id(); });
  REQUIRE(run.outcome == Outcome::kDone);
  CHECK(*run.value != caller);
  CHECK(queue.workers() == 2);
  CHECK(queue.capacity() == 4);
}

TEST_CASE("with every worker busy and the queue full, a job is refused at once") {
  RenderQueue queue(1, 1);
  Gate gate;
  auto blocked = Occupy(queue, gate);
  auto waiting =
      std::async(std::launch::async, [&] { return queue.RunWithin<int>(10s, [] { return 2; }); });
  WaitUntil([&] { return queue.depth() == 1; });

  const auto start = std::chrono::steady_clock::now();
  const auto refused = queue.RunWithin<int>(10s, [] { return 3; });
  CHECK(refused.outcome == Outcome::kFull);
  CHECK_FALSE(refused.value);
  CHECK(std::chrono::steady_clock::now() - start < 1s);

  gate.Open();
  CHECK(blocked.get().value == 1);
  CHECK(waiting.get().value == 2);
  CHECK(queue.depth() == 0);
}

TEST_CASE("a caller waits at most its limit; a job it gave up on never runs") {
  RenderQueue queue(1, 2);
  Gate gate;
  auto blocked = Occupy(queue, gate);

  auto ran = std::make_shared<std::atomic<bool>>(false);
  const auto start = std::chrono::steady_clock::now();
  const auto late = queue.RunWithin<int>(50ms, [ran] {
    ran->store(true);
    return 2;
  });
  const auto waited = std::chrono::steady_clock::now() - start;
  CHECK(late.outcome == Outcome::kTimedOut);
  CHECK(waited >= 50ms);
  CHECK(waited < 2s);

  gate.Open();
  CHECK(blocked.get().value == 1);
  // The next job runs after the abandoned one was taken off the queue.
  CHECK(queue.RunWithin<int>(5s, [] { return 3; }).value == 3);
  CHECK_FALSE(ran->load());
}

TEST_CASE("a running job outlives a caller that gave up") {
  RenderQueue queue(1, 0);
  Gate gate;
  auto finished = std::make_shared<std::atomic<bool>>(false);
  const auto run = queue.RunWithin<int>(20ms, [wait = gate.wait, finished] {
    wait.wait();
    finished->store(true);
    return 1;
  });
  CHECK(run.outcome == Outcome::kTimedOut);
  gate.Open();
  WaitUntil([&] { return finished->load() && queue.busy() == 0; });
}

TEST_CASE("queue depth 0 takes a job only when a worker is idle") {
  RenderQueue queue(1, 0);
  CHECK(queue.RunWithin<int>(1s, [] { return 1; }).outcome == Outcome::kDone);
  Gate gate;
  auto blocked = Occupy(queue, gate);
  CHECK(queue.RunWithin<int>(1s, [] { return 2; }).outcome == Outcome::kFull);
  gate.Open();
  CHECK(blocked.get().outcome == Outcome::kDone);
}

TEST_CASE("a job's exception reaches its caller; the worker carries on") {
  RenderQueue queue(1, 1);
  CHECK_THROWS_WITH_AS(queue.RunWithin<int>(1s, []() -> int { throw std::runtime_error("boom"); }),
                       "boom", std::runtime_error);
  CHECK(queue.RunWithin<int>(1s, [] { return 7; }).value == 7);
  WaitUntil([&] { return queue.busy() == 0; });
}

TEST_CASE("a job whose caller's client has gone is dropped before it starts") {
  RenderQueue queue(1, 2);
  Gate gate;
  auto blocked = Occupy(queue, gate);
  auto client_there = std::make_shared<std::atomic<bool>>(true);
  auto ran = std::make_shared<std::atomic<bool>>(false);
  auto waiting = std::async(std::launch::async, [&] {
    return queue.RunWithin<int>(
        10s,
        [ran] {
          ran->store(true);
          return 2;
        },
        [client_there] { return client_there->load(); });
  });
  WaitUntil([&] { return queue.depth() == 1; });
  client_there->store(false);
  gate.Open();
  CHECK(waiting.get().outcome == Outcome::kCallerGone);
  CHECK_FALSE(ran->load());
  CHECK(blocked.get().value == 1);
}

TEST_CASE("a full queue first sheds the jobs whose clients have gone") {
  RenderQueue queue(1, 1);
  Gate gate;
  auto blocked = Occupy(queue, gate);
  auto client_there = std::make_shared<std::atomic<bool>>(true);
  auto gone = std::async(std::launch::async, [&] {
    return queue.RunWithin<int>(
        10s, [] { return 2; }, [client_there] { return client_there->load(); });
  });
  WaitUntil([&] { return queue.depth() == 1; });
  // While its client is there, the waiting job keeps its place.
  CHECK(queue.RunWithin<int>(1s, [] { return 3; }).outcome == Outcome::kFull);
  client_there->store(false);
  auto next =
      std::async(std::launch::async, [&] { return queue.RunWithin<int>(10s, [] { return 4; }); });
  CHECK(gone.get().outcome == Outcome::kCallerGone);
  gate.Open();
  CHECK(next.get().value == 4);
  CHECK(blocked.get().value == 1);
}

TEST_CASE("with an admission wait, a job waits for a place instead of being refused") {
  RenderQueue queue(1, 1, 10s);
  Gate gate;
  auto blocked = Occupy(queue, gate);
  auto queued =
      std::async(std::launch::async, [&] { return queue.RunWithin<int>(10s, [] { return 2; }); });
  WaitUntil([&] { return queue.depth() == 1; });
  auto waiting =
      std::async(std::launch::async, [&] { return queue.RunWithin<int>(10s, [] { return 3; }); });
  CHECK(waiting.wait_for(100ms) == std::future_status::timeout);  // neither refused nor run
  gate.Open();
  CHECK(waiting.get().value == 3);
  CHECK(queued.get().value == 2);
  CHECK(blocked.get().value == 1);
}

TEST_CASE("the admission wait is bounded") {
  RenderQueue queue(1, 0, 100ms);
  Gate gate;
  auto blocked = Occupy(queue, gate);
  const auto start = std::chrono::steady_clock::now();
  CHECK(queue.RunWithin<int>(10s, [] { return 2; }).outcome == Outcome::kFull);
  const auto waited = std::chrono::steady_clock::now() - start;
  CHECK(waited >= 100ms);
  CHECK(waited < 2s);
  gate.Open();
  CHECK(blocked.get().value == 1);
}

}  // namespace
}  // namespace parting::server

namespace parting::server {

TEST_CASE("a job that throws hands its exception to the caller; the worker lives on") {
  RenderQueue queue(1, 4);
  CHECK_THROWS_WITH_AS(
      queue.RunWithin<int>(std::chrono::seconds(5),
                           []() -> int { throw std::runtime_error("render failed inside"); }),
      "render failed inside", std::runtime_error);
  const auto after = queue.RunWithin<int>(std::chrono::seconds(5), [] { return 7; });
  CHECK(after.outcome == RenderQueue::Outcome::kDone);
  CHECK(after.value == 7);
}

}  // namespace parting::server
