// Runs a test body against both store engines: a fresh SQLite file and a
// fresh database on the tests' own PostgreSQL (postgres_harness.h).
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>

#include "jobs/job_store.h"
#include "jobs/postgres_harness.h"
#include "test_support.h"

namespace parting::testing {

/// "sqlite:…" in a new temporary folder.
inline std::string NewSqliteLocation() {
  return "sqlite:" + (TempDir("parting_jobs_") / "jobs.sqlite").string();
}

inline void ForEachEngine(const std::function<void(const std::string& location)>& body) {
  for (const char* engine : {"sqlite", "postgresql"}) {
    CAPTURE(engine);
    const std::string location =
        std::string(engine) == "sqlite" ? NewSqliteLocation() : Postgres::Instance().NewDatabase();
    body(location);
  }
}

/// A rendered item whose e-mail waits to be sent.
inline jobs::ItemResult RenderedWithEmail(const std::string& eml, const std::string& envelope) {
  jobs::ItemResult result;
  result.status = "ok";
  result.entry = "{}";
  result.pdf = "%PDF";
  result.eml = eml;
  result.email_status = "pending";
  result.email_envelope = envelope;
  return result;
}

inline std::unique_ptr<jobs::JobStore> OpenStore(const std::string& location) {
  auto store = jobs::JobStore::Open(location);
  REQUIRE_MESSAGE(store.ok(), store.status().ToString());
  return std::move(store).value();
}

/// A message as a job item's .eml, with a Message-ID.
inline constexpr char kTestEml[] =
    "From: office@nordlicht.example\r\nTo: client@example.com\r\nSubject: Notice\r\n"
    "Message-ID: <parting-0123abcd@nordlicht.example>\r\n\r\nBody.\r\n";

/// A job of one rendered item whose e-mail (kTestEml) waits to be sent.
inline std::string JobWithEmail(jobs::JobStore& store) {
  jobs::NewJob job;
  job.id = jobs::NewJobId();
  job.body_sha256 = "b";
  job.items.push_back({1, "{}", "pending", "", "not_requested"});
  REQUIRE(store.Create(job).ok());
  auto claimed = store.Claim("renderer", 1, jobs::NowMs() + 60000);
  REQUIRE(claimed.ok());
  REQUIRE(claimed->size() == 1);
  REQUIRE(store
              .Complete("renderer", claimed->front(),
                        RenderedWithEmail(kTestEml, "office@nordlicht.example\nclient@example.com"))
              .value());
  return job.id;
}

/// Makes a job's waiting e-mail "unconfirmed" as a sender that died right
/// after the final "." leaves it: claimed, "delivering" committed, its
/// lease run out, and the expiry that every worker runs.
inline void MakeUnconfirmed(jobs::JobStore& store, const std::string& job_id) {
  auto claimed = store.ClaimEmail("dies", jobs::NowMs() + 60000);
  REQUIRE(claimed.ok());
  REQUIRE(claimed->has_value());
  REQUIRE((*claimed)->job_id == job_id);
  REQUIRE(store.MarkEmailDelivering("dies", **claimed, jobs::NowMs() - 1).value());
  REQUIRE(store.ExpireDeliveries(jobs::NowMs()).value() == 1);
}

}  // namespace parting::testing
