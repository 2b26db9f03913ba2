// parting worker: works job items without serving HTTP (jobs/run_worker.h).
//
//   parting worker [--root DIR] [--database postgresql://…] [--data-dir DIR]
//                  [--job-workers N] [--job-lease-ms N] [--job-retention 7d]
//                  [--callback-allow LIST] [--smtp-url URL]
//                  [--signing-cert PEM --signing-key PEM | --signing-p12 FILE]
//                  [--metrics-port P [--metrics-host H]] [--request-timeout-ms N]
//
// The job settings of `parting serve` (jobs::JobSettings(), each flag with
// its PARTING_* twin through CLI11's envname); --job-workers defaults to
// one per core here. The signing settings are render's and serve's: a job
// item that asks for options.sign is signed by whichever worker renders it,
// so every worker needs the identity (one without it rejects such items at
// /options/sign). With --metrics-port (PARTING_METRICS_PORT) the worker
// also serves GET /healthz, /readyz and /metrics on 127.0.0.1 (or
// --metrics-host) through server::WorkerMetricsPort(), its letters counted with
// source "job"; without it, no HTTP at all. --request-timeout-ms
// (PARTING_REQUEST_TIMEOUT_MS) is serve's: an item whose letter takes longer
// fails as a timed-out item of the synchronous batch does, and is not sent.
#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/service_commands.h"
#include "jobs/job_options.h"
#include "jobs/job_worker.h"
#include "jobs/run_worker.h"
#include "parting/resource_root.h"
#include "parting/serve_config.h"
#include "parting/worker_metrics.h"

namespace parting::cli {
namespace {

struct WorkerOptions {
  EngineFlags engine;                                      ///< --root and the signing settings
  std::map<std::string, std::string, std::less<>> values;  ///< by flag, as given
};

int Work(const WorkerOptions& options) {
  const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  jobs::ResolvedJobOptions resolved = jobs::ResolveJobOptions(
      options.values,
      [](std::string_view name) -> std::optional<std::string> {
        // Flags and their twins arrive through CLI11; only the settings
        // without a flag (secrets, back-off) are read here.
        for (const jobs::JobSetting& setting : jobs::JobSettings())
          if (setting.flag.empty() && setting.environment == name)
            return server::ProcessEnvironment(name);
        return std::nullopt;
      },
      cores);
  if (!resolved.options) return UsageError("parting worker", resolved.error);
  if (resolved.options->workers < 1)
    return UsageError("parting worker", "a worker needs --job-workers 1 or more");
  std::string limit_error;
  const auto render_limit = server::ResolveRenderLimit(
      options.values, [](std::string_view) { return std::optional<std::string>(); },
      limit_error);  // PARTING_REQUEST_TIMEOUT_MS arrives through CLI11
  if (!render_limit) return UsageError("parting worker", limit_error);
  resolved.options->render_limit = *render_limit;
  std::string signing_error;
  const std::optional<SigningIdentity> signing = ResolveSigningFlags(options.engine, signing_error);
  if (!signing_error.empty()) return UsageError("parting worker", signing_error);
  std::string metrics_error;
  const std::optional<server::MetricsAddress> metrics = server::ResolveMetricsAddress(
      options.values, [](std::string_view) { return std::optional<std::string>(); },
      metrics_error);  // the PARTING_METRICS_* twins arrive through CLI11
  if (!metrics_error.empty()) return UsageError("parting worker", metrics_error);
  const auto root = server::FindResourceRoot(options.engine.root);
  if (!root.ok()) {
    PrintStatus(root.status());
    return kExitRejected;
  }
  jobs::WorkerCompanion companion;
  if (metrics) companion = server::WorkerMetricsPort(*metrics);
  const Status status = jobs::RunWorker(*root, *resolved.options, signing, companion);
  if (!status.ok()) {
    PrintStatus(status);
    return kExitRejected;
  }
  return kExitOk;
}

}  // namespace

Command AddWorkerCommand(CLI::App& parent) {
  auto options = std::make_shared<WorkerOptions>();
  CLI::App* worker = parent.add_subcommand("worker", ServiceDescription("worker"));
  std::vector<server::ServeSetting> settings;
  for (const jobs::JobSetting& setting : jobs::JobSettings())
    settings.push_back({setting.flag, setting.environment, setting.help});
  for (const server::ServeSetting& setting : server::MetricsSettings()) settings.push_back(setting);
  settings.push_back(server::RequestTimeoutSetting());
  for (const server::ServeSetting& setting : settings) {
    if (setting.flag.empty()) continue;
    worker
        ->add_option_function<std::string>(
            std::string(setting.flag),
            [options, flag = std::string(setting.flag)](const std::string& value) {
              options->values[flag] = value;
            },
            std::string(setting.help))
        ->envname(std::string(setting.environment));
  }
  AddEngineOptions(*worker, options->engine);
  return {worker, [options] { return Work(*options); }};
}

}  // namespace parting::cli
