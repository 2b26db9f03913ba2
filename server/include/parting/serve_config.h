// The settings of `parting serve`: command-line flags, each with an
// environment twin; a flag wins over its variable, an empty variable counts
// as unset.
//
//   --host H                 PARTING_HOST
//   --port P                 PARTING_PORT
//   --max-body-bytes N       PARTING_MAX_BODY_BYTES
//   --max-batch-items N      PARTING_MAX_BATCH_ITEMS
//   --max-batch-body-bytes N PARTING_MAX_BATCH_BODY_BYTES
//   --threads N              PARTING_THREADS
//   --render-workers N       PARTING_RENDER_WORKERS
//   --queue-depth N          PARTING_QUEUE_DEPTH
//   --request-timeout-ms N   PARTING_REQUEST_TIMEOUT_MS
//   --api-keys-file PATH     PARTING_API_KEYS_FILE
//   (no flag: keys on a command line are visible to every user of the machine)
//                            PARTING_API_KEYS (comma-separated)
//   --signing-cert PATH      PARTING_SIGNING_CERT  (with --signing-key PATH,
//                            PARTING_SIGNING_KEY), or
//   --signing-p12 PATH       PARTING_SIGNING_P12 (password only in
//                            PARTING_SIGNING_P12_PASSWORD)
//   --root DIR               PARTING_ROOT (resolved by FindResourceRoot())
//   and the job settings of jobs/job_options.h (--data-dir, --database, …)
//
// API keys are the union of the key file and PARTING_API_KEYS. Pure apart
// from reading the key file; the environment is passed in.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parting/server.h"

namespace parting::server {

struct ServeSetting {
  std::string_view flag;         ///< "--port"
  std::string_view environment;  ///< "PARTING_PORT", "" for none
  std::string_view help;         ///< one line for --help, with the default
};

/// Every setting of serve except --root, in the order of --help.
const std::vector<ServeSetting>& ServeSettings();

/// The settings that name the certificate signing letters (part of
/// ServeSettings(), and of render and batch too).
const std::vector<ServeSetting>& SigningSettings();

/// A variable's value, or nullopt when unset.
using EnvironmentLookup = std::function<std::optional<std::string>(std::string_view name)>;

/// The process environment.
std::optional<std::string> ProcessEnvironment(std::string_view name);

struct ResolvedServeOptions {
  std::optional<ServeOptions> options;  ///< root left empty
  std::string error;                    ///< a usage error, when !options
};

/// The options from `flags` (long name → value, as parsed) and the
/// environment. The error names the flag or variable at fault.
/// The signing identity the signing settings give: nullopt when none is set,
/// or with `error` naming the flag at fault (a certificate without its key,
/// both PEM files and PKCS#12). The files are read when the engine is made.
std::optional<SigningIdentity> ResolveSigning(
    const std::map<std::string, std::string, std::less<>>& flags,
    const EnvironmentLookup& environment, std::string& error);

/// `parting worker`'s own port for /healthz, /readyz and /metrics
/// (ops_server.h), off unless a port is given:
///   --metrics-host H   PARTING_METRICS_HOST (default 127.0.0.1)
///   --metrics-port P   PARTING_METRICS_PORT (0 picks a free one)
const std::vector<ServeSetting>& MetricsSettings();

struct MetricsAddress {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
};

/// The metrics port the settings ask for: nullopt when none (or with `error`
/// naming the flag or variable at fault: a port out of range, a host
/// without a port).
std::optional<MetricsAddress> ResolveMetricsAddress(
    const std::map<std::string, std::string, std::less<>>& flags,
    const EnvironmentLookup& environment, std::string& error);

/// --request-timeout-ms (PARTING_REQUEST_TIMEOUT_MS): the longest a letter
/// may take, in serve for every route and its job workers, in `parting
/// worker` for job items (jobs::JobOptions::render_limit).
const ServeSetting& RequestTimeoutSetting();

/// That limit from the settings (default 30000 ms), or nullopt with `error`
/// naming the flag or variable at fault.
std::optional<std::chrono::milliseconds> ResolveRenderLimit(
    const std::map<std::string, std::string, std::less<>>& flags,
    const EnvironmentLookup& environment, std::string& error);

ResolvedServeOptions ResolveServeOptions(const std::map<std::string, std::string, std::less<>>& flags,
                                         const EnvironmentLookup& environment);

}  // namespace parting::server
