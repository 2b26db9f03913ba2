// The job settings: defaults, flags over variables, errors that name the
// flag or variable at fault.
#include "jobs/job_options.h"

#include <doctest/doctest.h>

#include <map>

namespace parting::jobs {
namespace {

TEST_CASE("job settings: flags win over variables, bad values are named") {
  const auto env = [](std::map<std::string, std::string> values) {
    return [values](std::string_view name) -> std::optional<std::string> {
      const auto it = values.find(std::string(name));
      if (it == values.end()) return std::nullopt;
      return it->second;
    };
  };
  using Flags = std::map<std::string, std::string, std::less<>>;
  auto resolved = ResolveJobOptions({}, env({{"HOME", "/home/u"}}), 1);
  REQUIRE(resolved.options);
  CHECK(resolved.options->database == "sqlite:/home/u/.local/share/parting/jobs.sqlite");
  CHECK(resolved.options->retention == std::chrono::hours(24 * 7));
  CHECK(resolved.options->callback_allow.empty());

  resolved = ResolveJobOptions(Flags{{"--data-dir", "/srv/d"}, {"--job-retention", "12h"}},
                               env({{"PARTING_DATA_DIR", "/x"}, {"PARTING_JOB_WORKERS", "3"}}), 1);
  REQUIRE(resolved.options);
  CHECK(resolved.options->database == "sqlite:/srv/d/jobs.sqlite");
  CHECK(resolved.options->workers == 3);
  CHECK(resolved.options->retention == std::chrono::hours(12));

  resolved = ResolveJobOptions({}, env({{"PARTING_DATABASE", "mysql://x"}}), 1);
  CHECK_FALSE(resolved.options);
  CHECK(resolved.error.find("PARTING_DATABASE") != std::string::npos);
  resolved = ResolveJobOptions(Flags{{"--job-retention", "7 days"}}, env({}), 1);
  CHECK(resolved.error.find("--job-retention") != std::string::npos);
  resolved = ResolveJobOptions(Flags{{"--callback-allow", "10.0.0.0/8"}}, env({}), 1);
  CHECK(resolved.error.find("PARTING_CALLBACK_SECRET") != std::string::npos);
  resolved = ResolveJobOptions(Flags{{"--job-workers", "-1"}}, env({}), 1);
  CHECK(resolved.error.find("--job-workers") != std::string::npos);

  CHECK(ResolveJobOptions({}, env({}), 1).options->claim == 8);
  resolved = ResolveJobOptions(Flags{{"--job-claim", "3"}}, env({{"PARTING_JOB_CLAIM", "5"}}), 1);
  REQUIRE(resolved.options);
  CHECK(resolved.options->claim == 3);
  CHECK(ResolveJobOptions({}, env({{"PARTING_JOB_CLAIM", "5"}}), 1).options->claim == 5);
  resolved = ResolveJobOptions({}, env({{"PARTING_JOB_CLAIM", "0"}}), 1);
  CHECK(resolved.error.find("PARTING_JOB_CLAIM must be a whole number from 1 to 256") == 0);

  CHECK(ResolveJobOptions({}, env({}), 1).options->poll == std::chrono::seconds(5));
  CHECK(ResolveJobOptions(Flags{{"--job-poll-ms", "60000"}}, env({}), 1).options->poll ==
        std::chrono::minutes(1));
  resolved = ResolveJobOptions({}, env({{"PARTING_JOB_POLL_MS", "10"}}), 1);
  CHECK(resolved.error.find("PARTING_JOB_POLL_MS must be a whole number from 100") == 0);
}

TEST_CASE("durations are whole days, hours, minutes or seconds") {
  CHECK(ParseDuration("7d") == std::chrono::hours(168));
  CHECK(ParseDuration("45s") == std::chrono::seconds(45));
  CHECK(ParseDuration("30m") == std::chrono::minutes(30));
  CHECK_FALSE(ParseDuration("7"));
  CHECK_FALSE(ParseDuration("d"));
  CHECK_FALSE(ParseDuration("0d"));
  CHECK_FALSE(ParseDuration("1w"));
}

}  // namespace
}  // namespace parting::jobs
