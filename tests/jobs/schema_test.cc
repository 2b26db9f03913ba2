// The store's schema is versioned: a version 1 database (before e-mails
// were sent, before the claim indexes of version 3) is migrated to the
// latest version with its jobs kept, and a database newer than the program
// is refused instead of being misread.
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "jobs/job_store.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

using namespace Poco::Data::Keywords;

constexpr std::int64_t kLatest = 5;

std::int64_t Version(Poco::Data::Session& session) {
  std::int64_t version = 0;
  session << "SELECT MAX(version) FROM schema_version", into(version), now;
  return version;
}

std::set<std::string> ItemIndexes(Poco::Data::Session& session) {
  std::vector<std::string> names;
  session << "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items' "
             "AND name NOT LIKE 'sqlite_%'",
      into(names), now;
  return {names.begin(), names.end()};
}

TEST_CASE("a version 1 database is migrated to the latest version, its jobs kept") {
  const std::string location = NewSqliteLocation();
  const std::string file = location.substr(7);
  jobs::NewJob job;
  job.id = jobs::NewJobId();
  job.body_sha256 = "b";
  job.items.push_back({1, "{}", "pending", "", "not_requested"});
  {
    auto store = OpenStore(location);
    REQUIRE(store->Create(job).ok());
  }
  {
    // Back to version 1: without the columns version 2 added.
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session session("SQLite", file);
    REQUIRE(Version(session) == kLatest);
    for (const char* index : {"items_email", "items_pending", "items_claimed", "items_open"})
      session << "DROP INDEX " + std::string(index), now;
    session << "CREATE INDEX items_waiting ON items (status, lease_expires)", now;
    for (const char* column : {"email_envelope", "email_attempts", "email_next", "email_owner",
                               "email_lease", "email_settled"})
      session << "ALTER TABLE items DROP COLUMN " + std::string(column), now;
    session << "UPDATE schema_version SET version = 1", now;
  }
  auto store = OpenStore(location);
  auto found = store->Find(job.id);
  REQUIRE(found.ok());
  REQUIRE(found->has_value());
  CHECK((*found)->totals.pending == 1);
  // The version 2 columns are there again: an e-mail can be claimed.
  auto claimed = store->Claim("w", 1, jobs::NowMs() + 60000);
  REQUIRE(claimed.ok());
  REQUIRE(claimed->size() == 1);
  REQUIRE(store
              ->Complete("w", claimed->front(),
                         RenderedWithEmail("mail", "a@example.com\nb@example.com"))
              .value());
  auto email = store->ClaimEmail("w", jobs::NowMs() + 60000);
  REQUIRE(email.ok());
  REQUIRE(email->has_value());
  CHECK((*email)->envelope == "a@example.com\nb@example.com");
  // Version 5: an e-mail's settlement is kept.
  REQUIRE(store->MarkEmailDelivering("w", **email, jobs::NowMs() - 1).value());
  REQUIRE(store->ExpireDeliveries(jobs::NowMs()).value() == 1);
  CHECK(store->SettleEmail(job.id, 0, jobs::Settlement::kSent).value().settled == "sent");
  Poco::Data::Session session("SQLite", file);
  CHECK(Version(session) == kLatest);
  // Version 3: claims and completions through partial indexes; the index
  // that made every claim sort all waiting items is gone.
  CHECK(ItemIndexes(session) ==
        std::set<std::string>{"items_email", "items_pending", "items_claimed", "items_open"});
}

TEST_CASE("a database newer than the program is refused") {
  const std::string location = NewSqliteLocation();
  OpenStore(location);
  {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session session("SQLite", location.substr(7));
    session << "UPDATE schema_version SET version = 99", now;
  }
  auto store = jobs::JobStore::Open(location);
  REQUIRE_FALSE(store.ok());
  CHECK(store.status().message().find("newer than this program") != std::string::npos);
}

}  // namespace
}  // namespace parting::testing
