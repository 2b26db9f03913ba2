#include "parting/serve_config.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "parting/request.h"
#include "jobs/job_options.h"
#include "test_support.h"

namespace parting::server {
namespace {

using Flags = std::map<std::string, std::string, std::less<>>;
using Variables = std::map<std::string, std::string, std::less<>>;

// The environment `variables` make (kept alive by the caller).
EnvironmentLookup Lookup(const Variables& variables) {
  return [&variables](std::string_view name) -> std::optional<std::string> {
    const auto it = variables.find(name);
    if (it == variables.end()) return std::nullopt;
    return it->second;
  };
}

ResolvedServeOptions Resolve(const Flags& flags, const Variables& variables = {}) {
  return ResolveServeOptions(flags, Lookup(variables));
}

TEST_CASE("without flags or variables, the defaults") {
  const auto resolved = Resolve({});
  REQUIRE(resolved.options);
  CHECK(resolved.options->host == "127.0.0.1");
  CHECK(resolved.options->port == 8080);
  CHECK(resolved.options->queue_depth == 16);
  CHECK(resolved.options->request_timeout_ms == 30000);
  CHECK(resolved.options->jobs.render_limit == std::chrono::milliseconds(30000));
  CHECK_FALSE(resolved.options->api_keys.enabled());
}

TEST_CASE("every flag has an environment twin, and the flag wins") {
  const Variables variables = {
      {"PARTING_HOST", "0.0.0.0"},         {"PARTING_PORT", "9000"},
      {"PARTING_MAX_BODY_BYTES", "2048"},  {"PARTING_THREADS", "12"},
      {"PARTING_RENDER_WORKERS", "3"},     {"PARTING_QUEUE_DEPTH", "5"},
      {"PARTING_REQUEST_TIMEOUT_MS", "1500"}, {"PARTING_MAX_BATCH_ITEMS", "40"},
      {"PARTING_MAX_BATCH_BODY_BYTES", "4096"}, {"PARTING_MAX_CONCURRENT_BATCHES", "2"},
      {"PARTING_MAX_BATCH_SECONDS", "90"}, {"PARTING_BATCH_STALL_SECONDS", "5"}, {"PARTING_QUEUE_WAIT_MS", "250"},
      {"PARTING_SIGNING_CERT", "/etc/parting/cert.pem"}, {"PARTING_SIGNING_KEY", "/etc/parting/key.pem"}};
  const auto from_environment = Resolve({}, variables);
  REQUIRE(from_environment.options);
  const ServeOptions& e = *from_environment.options;
  CHECK(e.host == "0.0.0.0");
  CHECK(e.port == 9000);
  CHECK(e.max_body_bytes == 2048);
  CHECK(e.threads == 12);
  CHECK(e.render_workers == 3);
  CHECK(e.queue_depth == 5);
  CHECK(e.request_timeout_ms == 1500);
  CHECK(e.jobs.render_limit == std::chrono::milliseconds(1500));  // the job workers' limit too
  CHECK(e.max_batch_items == 40);
  CHECK(e.max_batch_body_bytes == 4096);
  CHECK(e.max_batch_seconds == 90);
  CHECK(e.batch_stall_seconds == 5);
  CHECK(e.max_concurrent_batches == 2);
  CHECK(e.queue_wait_ms == 250);
  REQUIRE(e.signing);
  CHECK(e.signing->certificate == "/etc/parting/cert.pem");
  CHECK(e.signing->key == "/etc/parting/key.pem");

  const auto with_flags = Resolve({{"--port", "0"}, {"--queue-depth", "0"}}, variables);
  REQUIRE(with_flags.options);
  CHECK(with_flags.options->port == 0);
  CHECK(with_flags.options->queue_depth == 0);
  CHECK(with_flags.options->render_workers == 3);
  // Every setting but the key list (no flag on purpose) is covered above;
  // the job settings have their own tests (tests/jobs/job_options_test.cc).
  for (const ServeSetting& setting : ServeSettings()) {
    CAPTURE(setting.environment);
    // --signing-p12 replaces the PEM pair: its own test below.
    bool job_setting = false;
    for (const jobs::JobSetting& job : jobs::JobSettings())
      job_setting = job_setting || job.environment == setting.environment;
    CHECK((setting.flag.empty() || setting.flag == "--api-keys-file" ||
           setting.flag == "--signing-p12" || job_setting ||
           variables.contains(setting.environment)));
  }
}

TEST_CASE("an empty variable counts as unset") {
  const auto resolved = Resolve({}, {{"PARTING_PORT", ""}, {"PARTING_API_KEYS", ""}});
  REQUIRE(resolved.options);
  CHECK(resolved.options->port == 8080);
  CHECK_FALSE(resolved.options->api_keys.enabled());
}

TEST_CASE("a bad value names the flag or variable it came from") {
  CHECK(Resolve({{"--port", "99999"}}).error.starts_with("--port must be"));
  CHECK(Resolve({}, {{"PARTING_PORT", "http"}}).error.starts_with("PARTING_PORT must be"));
  CHECK(Resolve({}, {{"PARTING_QUEUE_DEPTH", "-1"}}).error.starts_with("PARTING_QUEUE_DEPTH"));
  CHECK(Resolve({{"--request-timeout-ms", "0"}}).error.starts_with("--request-timeout-ms"));
  CHECK(Resolve({{"--render-workers", "0"}}).error.starts_with("--render-workers"));
  CHECK(Resolve({{"--host", ""}}).error == "--host needs an address");
  CHECK(Resolve({}, {{"PARTING_API_KEYS", " , "}}).error.find("PARTING_API_KEYS") == 0);
}

TEST_CASE("the letter body limit cannot pass the engine's own") {
  // Above it, a body would pass the server's 413 and come back as 400.
  const std::string engine_limit = std::to_string(kMaxRequestBytes);
  const std::string above = std::to_string(kMaxRequestBytes + 1);
  CHECK(Resolve({{"--max-body-bytes", engine_limit}}).error.empty());
  CHECK(Resolve({{"--max-body-bytes", engine_limit}}).options->max_body_bytes == kMaxRequestBytes);
  CHECK(Resolve({{"--max-body-bytes", above}}).error.starts_with("--max-body-bytes must be"));
  CHECK(
      Resolve({}, {{"PARTING_MAX_BODY_BYTES", above}}).error.starts_with("PARTING_MAX_BODY_BYTES"));
}

TEST_CASE("API keys are the union of the key file and PARTING_API_KEYS") {
  const auto folder = testing::TempDir("parting_serve_keys_");
  testing::WriteFile(folder / "keys", "# ops\nfile-key\n");
  testing::WriteFile(folder / "other", "other-key\n");
  SUBCASE("file by flag, list by variable") {
    const auto resolved =
        Resolve({{"--api-keys-file", (folder / "keys").string()}},
                {{"PARTING_API_KEYS", "a,b"}, {"PARTING_API_KEYS_FILE", (folder / "other").string()}});
    REQUIRE(resolved.options);
    const ApiKeys& keys = resolved.options->api_keys;
    CHECK(keys.size() == 3);
    CHECK(keys.Accepts("file-key"));
    CHECK(keys.Accepts("a"));
    CHECK_FALSE(keys.Accepts("other-key"));  // the flag won over the variable
  }
  SUBCASE("file by variable") {
    const auto resolved = Resolve({}, {{"PARTING_API_KEYS_FILE", (folder / "other").string()}});
    REQUIRE(resolved.options);
    CHECK(resolved.options->api_keys.Accepts("other-key"));
  }
  SUBCASE("a missing file is an error that names its source") {
    const auto resolved = Resolve({}, {{"PARTING_API_KEYS_FILE", (folder / "none").string()}});
    CHECK_FALSE(resolved.options);
    CHECK(resolved.error.starts_with("PARTING_API_KEYS_FILE: "));
  }
  std::filesystem::remove_all(folder);
}

TEST_CASE("signing: a PEM pair or a PKCS#12 file, never half of one or both") {
  auto resolved = Resolve({{"--signing-p12", "/etc/parting/id.p12"}},
                          {{"PARTING_SIGNING_P12_PASSWORD", "secret"}});
  REQUIRE(resolved.options);
  REQUIRE(resolved.options->signing);
  CHECK(resolved.options->signing->pkcs12 == "/etc/parting/id.p12");
  CHECK(resolved.options->signing->password == "secret");
  CHECK_FALSE(Resolve({}, {}).options->signing);

  resolved = Resolve({{"--signing-cert", "/c.pem"}}, {});
  CHECK_FALSE(resolved.options);
  CHECK(resolved.error == "--signing-cert needs --signing-key");
  resolved = Resolve({{"--signing-key", "/k.pem"}}, {});
  CHECK(resolved.error == "--signing-key needs --signing-cert");
  resolved = Resolve({{"--signing-cert", "/c.pem"}, {"--signing-key", "/k.pem"}},
                     {{"PARTING_SIGNING_P12", "/id.p12"}});
  CHECK(resolved.error.find("PARTING_SIGNING_P12 replaces --signing-cert") == 0);
}

TEST_CASE("a worker's metrics port: off unless a port is given, 127.0.0.1 by default") {
  const auto resolve = [](const Flags& flags, const Variables& variables,
                          std::string& error) -> std::optional<MetricsAddress> {
    return ResolveMetricsAddress(flags, Lookup(variables), error);
  };
  std::string error;
  CHECK_FALSE(resolve({}, {}, error));
  CHECK(error.empty());
  auto address = resolve({{"--metrics-port", "9464"}}, {}, error);
  REQUIRE(address);
  CHECK(address->host == "127.0.0.1");
  CHECK(address->port == 9464);
  address = resolve({}, {{"PARTING_METRICS_PORT", "0"}, {"PARTING_METRICS_HOST", "::1"}}, error);
  REQUIRE(address);
  CHECK(address->host == "::1");
  CHECK(address->port == 0);
  CHECK_FALSE(resolve({}, {{"PARTING_METRICS_PORT", ""}}, error));
  CHECK(error.empty());
  CHECK_FALSE(resolve({{"--metrics-host", "0.0.0.0"}}, {}, error));
  CHECK(error == "--metrics-host needs --metrics-port");
  error.clear();
  CHECK_FALSE(resolve({}, {{"PARTING_METRICS_PORT", "65536"}}, error));
  CHECK(error.starts_with("PARTING_METRICS_PORT must be"));
  error.clear();
  CHECK_FALSE(resolve({{"--metrics-port", "1"}, {"--metrics-host", ""}}, {}, error));
  CHECK(error == "--metrics-host needs an address");
}

TEST_CASE(
    "parting worker's render limit is serve's --request-timeout-ms, twin and range included") {
  std::string error;
  const auto limit = [&](const Flags& flags, const Variables& variables) {
    return ResolveRenderLimit(flags, Lookup(variables), error);
  };
  CHECK(RequestTimeoutSetting().flag == "--request-timeout-ms");
  CHECK(limit({}, {}) == std::chrono::milliseconds(30000));
  CHECK(limit({}, {{"PARTING_REQUEST_TIMEOUT_MS", "1"}}) == std::chrono::milliseconds(1));
  CHECK(limit({{"--request-timeout-ms", "250"}}, {{"PARTING_REQUEST_TIMEOUT_MS", "1"}}) ==
        std::chrono::milliseconds(250));
  CHECK(error.empty());
  CHECK_FALSE(limit({{"--request-timeout-ms", "0"}}, {}));
  CHECK(error.starts_with("--request-timeout-ms must be a whole number from 1"));
}

}  // namespace
}  // namespace parting::server
