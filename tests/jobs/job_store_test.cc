// JobStore on SQLite and PostgreSQL: creation, idempotency, claims with
// leases, completion by the claim's owner only, cancel, retention, schema.
#include "jobs/job_store.h"

#include <doctest/doctest.h>

#include <mutex>
#include <set>
#include <thread>

#include "jobs/store_fixture.h"

namespace parting::jobs {
namespace {

using testing::ForEachEngine;
using testing::OpenStore;

NewJob MakeJob(int pending, int rejected = 0, std::string key = "", std::string body = "b") {
  NewJob job;
  job.id = NewJobId();
  job.body_sha256 = body;
  job.idempotency_key = std::move(key);
  for (int i = 0; i < pending + rejected; ++i) {
    NewItem item;
    item.line = i + 1;
    item.request = "{\"n\":" + std::to_string(i) + "}";
    item.status = std::string(i < pending ? kPending : kRejected);
    if (i >= pending) item.entry = "{\"errors\":[]}";
    job.items.push_back(item);
  }
  return job;
}

ItemResult Ok(const std::string& pdf) {
  ItemResult result;
  result.status = std::string(kOk);
  result.entry = "{}";
  result.pdf = pdf;
  return result;
}

TEST_CASE("a job is stored with its items and found again") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob job = MakeJob(2, 1);
    auto created = store->Create(job);
    REQUIRE(created.ok());
    CHECK(created->kind == CreateOutcome::Kind::kCreated);
    auto found = store->Find(job.id);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->status == kQueued);
    CHECK((*found)->totals.items == 3);
    CHECK((*found)->totals.pending == 2);
    CHECK((*found)->totals.rejected == 1);
    CHECK((*found)->finished_ms == 0);
    auto items = store->Items(job.id);
    REQUIRE(items.ok());
    REQUIRE(items->size() == 3);
    CHECK((*items)[2].status == kRejected);
    CHECK((*items)[1].line == 2);
    auto unknown = store->Find("no-such-job");
    REQUIRE(unknown.ok());
    CHECK_FALSE(unknown->has_value());
  });
}

TEST_CASE("a job whose items are all rejected is done at once") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob job = MakeJob(0, 2);
    REQUIRE(store->Create(job).ok());
    auto found = store->Find(job.id);
    REQUIRE(found.ok());
    CHECK((*found)->status == kDone);
    CHECK((*found)->finished_ms > 0);
  });
}

TEST_CASE("an idempotency key finds its job with the same body and conflicts with another") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob first = MakeJob(1, 0, "key-1", "body-a");
    REQUIRE(store->Create(first).ok());
    auto again = store->Create(MakeJob(1, 0, "key-1", "body-a"));
    REQUIRE(again.ok());
    CHECK(again->kind == CreateOutcome::Kind::kExisting);
    CHECK(again->id == first.id);
    auto other = store->Create(MakeJob(1, 0, "key-1", "body-b"));
    REQUIRE(other.ok());
    CHECK(other->kind == CreateOutcome::Kind::kKeyConflict);
    // Jobs without a key never collide.
    CHECK(store->Create(MakeJob(1)).value().kind == CreateOutcome::Kind::kCreated);
    CHECK(store->Create(MakeJob(1)).value().kind == CreateOutcome::Kind::kCreated);
  });
}

TEST_CASE("one new idempotency key sent many times at once makes one job") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    std::mutex mutex;
    std::vector<Result<CreateOutcome>> outcomes;
    std::vector<std::thread> clients;
    for (int i = 0; i < 6; ++i)
      clients.emplace_back([&] {
        auto outcome = store->Create(MakeJob(2, 0, "same-key", "same-body"));
        std::lock_guard lock(mutex);
        outcomes.push_back(outcome);
      });
    for (std::thread& client : clients) client.join();
    std::set<std::string> ids;
    int created = 0;
    for (const auto& outcome : outcomes) {
      REQUIRE_MESSAGE(outcome.ok(), outcome.status().ToString());
      ids.insert(outcome->id);
      created += outcome->kind == CreateOutcome::Kind::kCreated ? 1 : 0;
    }
    CHECK(ids.size() == 1);
    CHECK(created == 1);
  });
}

TEST_CASE("claimed items are not claimed again until their lease expires") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob job = MakeJob(3);
    REQUIRE(store->Create(job).ok());
    const std::int64_t far = NowMs() + 600000;
    auto a = store->Claim("worker-a", 2, far);
    REQUIRE(a.ok());
    CHECK(a->size() == 2);
    auto b = store->Claim("worker-b", 5, far);
    REQUIRE(b.ok());
    REQUIRE(b->size() == 1);
    CHECK(b->front().index == 2);
    CHECK(store->Claim("worker-c", 5, far).value().empty());

    // worker-a's claim on item 0 expires: worker-c takes it over, and
    // worker-a's late result is refused.
    auto short_lived = store->Create(MakeJob(1));
    REQUIRE(short_lived.ok());
    auto expiring = store->Claim("worker-a", 1, NowMs() - 1);
    REQUIRE(expiring.ok());
    REQUIRE(expiring->size() == 1);
    auto taken = store->Claim("worker-c", 1, far);
    REQUIRE(taken.ok());
    REQUIRE(taken->size() == 1);
    CHECK(taken->front().job_id == expiring->front().job_id);
    CHECK(store->Complete("worker-a", expiring->front(), Ok("late")).value() == false);
    CHECK(store->Complete("worker-c", taken->front(), Ok("pdf")).value() == true);
    auto item = store->Item(taken->front().job_id, 0);
    REQUIRE(item.ok());
    CHECK((*item)->pdf == "pdf");
  });
}

TEST_CASE("one claim takes expired claims first, then waiting items in queue order") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob job = MakeJob(6);
    REQUIRE(store->Create(job).ok());
    // Items 0 and 1 are claimed by a worker that dies: their lease runs out.
    REQUIRE(store->Claim("dead", 2, NowMs() - 1).value().size() == 2);
    auto claimed = store->Claim("w", 4, NowMs() + 60000);
    REQUIRE(claimed.ok());
    std::vector<std::int64_t> indexes;
    for (const ClaimedItem& item : *claimed) indexes.push_back(item.index);
    CHECK(indexes == std::vector<std::int64_t>{0, 1, 2, 3});
    CHECK(store->Claim("v", 5, NowMs() + 60000).value().size() == 2);
  });
}

TEST_CASE("results stored together: one transaction, lost claims refused one by one") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob first = MakeJob(3);
    const NewJob second = MakeJob(1);
    REQUIRE(store->Create(first).ok());
    REQUIRE(store->Create(second).ok());
    auto claimed = store->Claim("w", 4, NowMs() + 60000);
    REQUIRE(claimed.ok());
    REQUIRE(claimed->size() == 4);
    // The second job is cancelled while its item is in hand.
    CHECK(store->Cancel(second.id).value());
    std::vector<ItemResult> results;
    for (const ClaimedItem& item : *claimed)
      results.push_back(Ok("pdf" + std::to_string(item.index)));
    std::vector<Completion> group;
    for (std::size_t i = 0; i < claimed->size(); ++i)
      group.push_back({&(*claimed)[i], &results[i]});
    auto stored = store->Complete("w", group);
    REQUIRE(stored.ok());
    // The three items of the first job are stored and end it; the cancelled
    // job's item is not.
    std::vector<bool> expected;
    for (const ClaimedItem& item : *claimed) expected.push_back(item.job_id == first.id);
    CHECK(*stored == expected);
    auto found = store->Find(first.id);
    CHECK((*found)->status == kDone);
    CHECK((*found)->totals.ok == 3);
    CHECK((*store->Item(first.id, 2))->pdf == "pdf2");
    CHECK(store->Find(second.id).value()->status == kCancelled);
    // A second attempt with the same claims stores nothing: they are spent.
    auto again = store->Complete("w", group);
    REQUIRE(again.ok());
    CHECK(*again == std::vector<bool>(4, false));
  });
}

TEST_CASE("items given back wait again at once, for any worker") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob job = MakeJob(3);
    REQUIRE(store->Create(job).ok());
    auto claimed = store->Claim("stopping", 3, NowMs() + 600000);
    REQUIRE(claimed.ok());
    REQUIRE(claimed->size() == 3);
    REQUIRE(store->Complete("stopping", claimed->front(), Ok("x")).value());
    // Only this owner's live claims go back; another owner's call does nothing.
    const std::vector<ClaimedItem> rest(claimed->begin() + 1, claimed->end());
    REQUIRE(store->Release("someone-else", rest).ok());
    CHECK(store->Claim("w", 5, NowMs() + 60000).value().empty());
    REQUIRE(store->Release("stopping", rest).ok());
    CHECK(store->Stats().value().claimed == 0);
    auto taken = store->Claim("w", 5, NowMs() + 60000);
    REQUIRE(taken.ok());
    CHECK(taken->size() == 2);
    CHECK_FALSE(store->Complete("stopping", rest.front(), Ok("late")).value());
  });
}

TEST_CASE("the store tells workers when work arrives and when a lease falls due") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    int woken = 0;
    std::mutex mutex;
    const int handle = store->AddWorkListener([&] {
      std::lock_guard lock(mutex);
      ++woken;
    });
    const auto count = [&] {
      std::lock_guard lock(mutex);
      return woken;
    };
    const NewJob job = MakeJob(2);
    REQUIRE(store->Create(job).ok());
    CHECK(count() >= 1);  // at once, from this process
    const std::int64_t now = NowMs();
    CHECK(store->NextDueMs(now, true, true).value() == 0);  // nothing waits on the clock
    auto claimed = store->Claim("w", 2, now + 60000);
    REQUIRE(claimed->size() == 2);
    CHECK(store->NextDueMs(now, false, false).value() == now + 60000);
    CHECK(store->NextDueMs(now + 60001, false, false).value() == 0);
    const int before = count();
    REQUIRE(store->Release("w", {claimed->back()}).ok());  // given back: work again
    CHECK(count() > before);
    store->RemoveWorkListener(handle);
    const int removed = count();
    REQUIRE(store->Create(MakeJob(1)).ok());
    CHECK(count() == removed);
  });
}

TEST_CASE("completing the last item ends the job; its bytes come back in order") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob job = MakeJob(3);
    REQUIRE(store->Create(job).ok());
    auto claimed = store->Claim("w", 3, NowMs() + 60000);
    REQUIRE(claimed.ok());
    REQUIRE(claimed->size() == 3);
    std::string binary("%PDF\0\x01\xff", 7);  // bytes, not text
    for (const ClaimedItem& item : *claimed) {
      CHECK(store->Find(job.id).value()->status != kDone);
      REQUIRE(store->Complete("w", item, Ok(binary + std::to_string(item.index))).value());
      CHECK(store->Find(job.id).value()->status != kQueued);
    }
    auto found = store->Find(job.id);
    CHECK((*found)->status == kDone);
    CHECK((*found)->totals.ok == 3);
    CHECK((*found)->finished_ms >= (*found)->created_ms);
    std::vector<std::string> seen;
    REQUIRE(store
                ->ForEachItem(job.id,
                              [&](ItemBytes& item) {
                                seen.push_back(item.pdf);
                                return Status::Ok();
                              })
                .ok());
    CHECK(seen == std::vector<std::string>{binary + "0", binary + "1", binary + "2"});
  });
}

TEST_CASE("many workers at once claim every item exactly once") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob job = MakeJob(60);
    REQUIRE(store->Create(job).ok());
    std::mutex mutex;
    std::multiset<std::int64_t> done;
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w)
      workers.emplace_back([&, w] {
        const std::string owner = "w" + std::to_string(w);
        while (true) {
          auto claimed = store->Claim(owner, 2, NowMs() + 60000);
          if (!claimed.ok() || claimed->empty()) return;
          for (const ClaimedItem& item : *claimed)
            if (store->Complete(owner, item, Ok("x")).value()) {
              std::lock_guard lock(mutex);
              done.insert(item.index);
            }
        }
      });
    for (std::thread& t : workers) t.join();
    CHECK(done.size() == 60);
    CHECK(std::set<std::int64_t>(done.begin(), done.end()).size() == 60);
    CHECK(store->Find(job.id).value()->status == kDone);
  });
}

TEST_CASE("a cancelled job's waiting and claimed items are never completed") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob job = MakeJob(3);
    REQUIRE(store->Create(job).ok());
    auto claimed = store->Claim("w", 1, NowMs() + 60000);
    REQUIRE(claimed.ok());
    REQUIRE(store->Complete("w", claimed->front(), Ok("x")).value());
    auto in_hand = store->Claim("w", 1, NowMs() + 60000);
    REQUIRE(in_hand.ok());
    CHECK(store->Cancel(job.id).value());
    CHECK_FALSE(store->Complete("w", in_hand->front(), Ok("y")).value());
    CHECK(store->Claim("w", 5, NowMs() + 60000).value().empty());
    auto found = store->Find(job.id);
    CHECK((*found)->status == kCancelled);
    CHECK((*found)->totals.ok == 1);
    CHECK((*found)->totals.cancelled == 2);
    CHECK_FALSE(store->Cancel(job.id).value());  // already ended
    CHECK_FALSE(store->Cancel("no-such-job").value());
  });
}

TEST_CASE("retention deletes ended jobs with their items, not running ones") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const NewJob ended = MakeJob(0, 1);
    const NewJob running = MakeJob(1);
    REQUIRE(store->Create(ended).ok());
    REQUIRE(store->Create(running).ok());
    CHECK(store->DeleteEndedBefore(NowMs() - 60000).value() == 0);
    CHECK(store->DeleteEndedBefore(NowMs() + 1).value() == 1);
    CHECK_FALSE(store->Find(ended.id).value().has_value());
    CHECK(store->Items(ended.id).value().empty());
    CHECK(store->Find(running.id).value().has_value());
  });
}

TEST_CASE("the schema is created once and opened again by later processes") {
  ForEachEngine([](const std::string& location) {
    const NewJob job = MakeJob(1);
    {
      auto store = OpenStore(location);
      REQUIRE(store->Create(job).ok());
    }
    auto again = OpenStore(location);
    CHECK(again->Find(job.id).value().has_value());
    auto stats = again->Stats();
    REQUIRE(stats.ok());
    CHECK(stats->items.pending == 1);
    CHECK(stats->oldest_pending_created_ms > 0);
  });
}

TEST_CASE("a store location that is neither SQLite nor PostgreSQL is refused") {
  CHECK_FALSE(JobStore::Open("mysql://x").ok());
  CHECK_FALSE(JobStore::Open("postgresql://%zz").ok());
  const auto spaced = JobStore::Open("postgresql://u:a%20b@127.0.0.1:1/db");
  REQUIRE_FALSE(spaced.ok());
  CHECK(spaced.status().message().find("password") != std::string::npos);
  CHECK(spaced.status().message().find("a b") == std::string::npos);  // no secret in messages
}

}  // namespace
}  // namespace parting::jobs
