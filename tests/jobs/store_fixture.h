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

}  // namespace parting::testing
