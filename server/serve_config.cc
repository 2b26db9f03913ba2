#include "parting/serve_config.h"

#include <charconv>
#include <cstdlib>

#include "parting/request.h"

namespace parting::server {
namespace {

constexpr long long kMaxBodyLimit = 1LL << 30;  // beyond this a batch is no batch
// A letter body above the engine's own limit would pass the server's 413 and
// then be refused as unparseable (400): one limit for both.
constexpr long long kMaxLetterBodyLimit = static_cast<long long>(kMaxRequestBytes);
constexpr long long kMaxThreads = 256;
constexpr long long kMaxBatchItemLimit = 20000;  // the ZIP holds at most 65535 entries
constexpr long long kMaxQueueDepth = 10000;
constexpr long long kMaxBatchSecondsLimit = 24 * 3600;
constexpr long long kMinTimeoutMs = 1;
constexpr long long kMaxTimeoutMs = 3600 * 1000;
// serve renders job items on one thread by default, so that jobs do not take
// the cores from the synchronous routes; `parting worker` uses every core.
constexpr int kServeJobWorkers = 1;

const ServeSetting kHost{"--host", "PARTING_HOST",
                        "address to listen on (default 127.0.0.1; 0.0.0.0 exposes the service)"};
const ServeSetting kPort{"--port", "PARTING_PORT", "port (default 8080; 0 picks a free one)"};
const ServeSetting kMaxBodyBytes{"--max-body-bytes", "PARTING_MAX_BODY_BYTES",
                                 "largest request body (default 1048576); beyond, 413"};
const ServeSetting kMaxBatchItems{"--max-batch-items", "PARTING_MAX_BATCH_ITEMS",
                                  "requests per batch (default 2000); beyond, 413"};
const ServeSetting kMaxConcurrentBatches{
    "--max-concurrent-batches", "PARTING_MAX_CONCURRENT_BATCHES",
    "batches rendering at once (default 1); one more gets 503"};
const ServeSetting kMaxBatchBodyBytes{"--max-batch-body-bytes", "PARTING_MAX_BATCH_BODY_BYTES",
                                      "largest batch body (default 67108864)"};
const ServeSetting kMaxBatchSeconds{"--max-batch-seconds", "PARTING_MAX_BATCH_SECONDS",
                                   "longest a batch may take (default 600); then it ends"};
const ServeSetting kBatchStallSeconds{
    "--batch-stall-seconds", "PARTING_BATCH_STALL_SECONDS",
    "a batch whose client reads nothing this long ends (default 30)"};
const ServeSetting kThreads{"--threads", "PARTING_THREADS",
                            "connection threads, one per open connection (default: enough for "
                            "the render queue)"};
const ServeSetting kRenderWorkers{"--render-workers", "PARTING_RENDER_WORKERS",
                                  "letters and plans computed at once (default: one per core)"};
const ServeSetting kQueueDepth{"--queue-depth", "PARTING_QUEUE_DEPTH",
                               "render jobs that may wait (default 16); one more gets 503"};
const ServeSetting kRequestTimeout{
    "--request-timeout-ms", "PARTING_REQUEST_TIMEOUT_MS",
    "longest a letter may take, queue included (default 30000): then a letter "
    "gets 503, a batch or job item fails"};
const ServeSetting kApiKeysFile{"--api-keys-file", "PARTING_API_KEYS_FILE",
                                "API keys, one per line, # comments; /v1/ then needs one"};
const ServeSetting kQueueWait{"--queue-wait-ms", "PARTING_QUEUE_WAIT_MS",
                             "longest a request waits for a place in the render queue (default "
                             "10000); then 503"};
const ServeSetting kSigningCert{
    "--signing-cert", "PARTING_SIGNING_CERT",
    "PEM certificate (intermediates after it) that signs letters asking for options.sign"};
const ServeSetting kSigningKey{"--signing-key", "PARTING_SIGNING_KEY",
                               "the certificate's PEM private key (unencrypted)"};
const ServeSetting kSigningP12{"--signing-p12", "PARTING_SIGNING_P12",
                               "or a PKCS#12 file with certificate and key"};
const ServeSetting kMetricsHost{"--metrics-host", "PARTING_METRICS_HOST",
                                "address of the metrics port (default 127.0.0.1)"};
const ServeSetting kMetricsPort{
    "--metrics-port", "PARTING_METRICS_PORT",
    "serve GET /metrics, /healthz and /readyz on this port (default: none; 0 picks a free one)"};
constexpr std::string_view kSigningPasswordVariable = "PARTING_SIGNING_P12_PASSWORD";
constexpr std::string_view kApiKeysVariable = "PARTING_API_KEYS";

// A setting's value and where it came from ("--port" or "PARTING_PORT").
struct Value {
  std::string text;
  std::string source;
};

class Settings {
 public:
  Settings(const std::map<std::string, std::string, std::less<>>& flags,
           const EnvironmentLookup& environment)
      : flags_(flags), environment_(environment) {}

  std::optional<Value> Get(const ServeSetting& setting) const {
    if (const auto it = flags_.find(setting.flag); it != flags_.end())
      return Value{it->second, std::string(setting.flag)};
    return Variable(setting.environment);
  }

  std::optional<Value> Variable(std::string_view name) const {
    if (name.empty()) return std::nullopt;
    std::optional<std::string> value = environment_(name);
    if (!value || value->empty()) return std::nullopt;
    return Value{std::move(*value), std::string(name)};
  }

  // Sets `out` from a whole number in [min, max]; false with `error` set.
  template <class T>
  bool Number(const ServeSetting& setting, long long min, long long max, T& out,
              std::string& error) const {
    const std::optional<Value> value = Get(setting);
    if (!value) return true;
    long long number = 0;
    const char* begin = value->text.data();
    const char* end = begin + value->text.size();
    const auto [stop, failure] = std::from_chars(begin, end, number);
    if (failure != std::errc() || stop != end || number < min || number > max) {
      error = value->source + " must be a whole number from " + std::to_string(min) + " to " +
              std::to_string(max);
      return false;
    }
    out = static_cast<T>(number);
    return true;
  }

 private:
  const std::map<std::string, std::string, std::less<>>& flags_;
  const EnvironmentLookup& environment_;
};

}  // namespace

const std::vector<ServeSetting>& ServeSettings() {
  static const std::vector<ServeSetting> settings = {
      kHost,           kPort,         kMaxBodyBytes,
      kMaxBatchItems,  kMaxConcurrentBatches, kMaxBatchBodyBytes,
      kMaxBatchSeconds, kBatchStallSeconds, kThreads,
      kRenderWorkers,  kQueueDepth,   kRequestTimeout,
      kQueueWait,      kApiKeysFile,  {"", kApiKeysVariable, "API keys, comma-separated"},
      kSigningCert,    kSigningKey,   kSigningP12,
      {"", kSigningPasswordVariable, "the PKCS#12 file's password"}};
  static const std::vector<ServeSetting> with_jobs = [] {
    std::vector<ServeSetting> all = settings;
    for (const jobs::JobSetting& job : jobs::JobSettings())
      all.push_back({job.flag, job.environment, job.help});
    return all;
  }();
  return with_jobs;
}

const std::vector<ServeSetting>& SigningSettings() {
  static const std::vector<ServeSetting> settings = {
      kSigningCert, kSigningKey, kSigningP12,
      {"", kSigningPasswordVariable, "the PKCS#12 file's password"}};
  return settings;
}

std::optional<SigningIdentity> ResolveSigning(
    const std::map<std::string, std::string, std::less<>>& flags,
    const EnvironmentLookup& environment, std::string& error) {
  const Settings settings(flags, environment);
  const auto certificate = settings.Get(kSigningCert);
  const auto key = settings.Get(kSigningKey);
  const auto pkcs12 = settings.Get(kSigningP12);
  if (!certificate && !key && !pkcs12) return std::nullopt;
  SigningIdentity identity;
  if (pkcs12) {
    if (certificate || key) {
      error = pkcs12->source + " replaces --signing-cert and --signing-key: give one or the other";
      return std::nullopt;
    }
    identity.pkcs12 = pkcs12->text;
    if (const auto password = settings.Variable(kSigningPasswordVariable))
      identity.password = password->text;
    return identity;
  }
  if (!certificate || !key) {
    error = std::string(certificate ? "--signing-cert needs --signing-key"
                                    : "--signing-key needs --signing-cert");
    return std::nullopt;
  }
  identity.certificate = certificate->text;
  identity.key = key->text;
  return identity;
}

const std::vector<ServeSetting>& MetricsSettings() {
  static const std::vector<ServeSetting> settings = {kMetricsHost, kMetricsPort};
  return settings;
}

std::optional<MetricsAddress> ResolveMetricsAddress(
    const std::map<std::string, std::string, std::less<>>& flags,
    const EnvironmentLookup& environment, std::string& error) {
  const Settings settings(flags, environment);
  const auto host = settings.Get(kMetricsHost);
  const auto port = settings.Get(kMetricsPort);
  if (!port) {
    if (host) error = host->source + " needs --metrics-port";
    return std::nullopt;
  }
  MetricsAddress address;
  if (host) {
    if (host->text.empty()) {
      error = host->source + " needs an address";
      return std::nullopt;
    }
    address.host = host->text;
  }
  if (!settings.Number(kMetricsPort, 0, 65535, address.port, error)) return std::nullopt;
  return address;
}

const ServeSetting& RequestTimeoutSetting() { return kRequestTimeout; }

std::optional<std::chrono::milliseconds> ResolveRenderLimit(
    const std::map<std::string, std::string, std::less<>>& flags,
    const EnvironmentLookup& environment, std::string& error) {
  int milliseconds = ServeOptions().request_timeout_ms;
  if (!Settings(flags, environment)
           .Number(kRequestTimeout, kMinTimeoutMs, kMaxTimeoutMs, milliseconds, error))
    return std::nullopt;
  return std::chrono::milliseconds(milliseconds);
}

std::optional<std::string> ProcessEnvironment(std::string_view name) {
  const char* value = std::getenv(std::string(name).c_str());
  if (!value) return std::nullopt;
  return std::string(value);
}

ResolvedServeOptions ResolveServeOptions(const std::map<std::string, std::string, std::less<>>& flags,
                                         const EnvironmentLookup& environment) {
  const Settings settings(flags, environment);
  ResolvedServeOptions resolved;
  ServeOptions options;
  std::string& error = resolved.error;
  if (const auto host = settings.Get(kHost)) {
    if (host->text.empty()) {
      error = host->source + " needs an address";
      return resolved;
    }
    options.host = host->text;
  }
  if (!settings.Number(kPort, 0, 65535, options.port, error) ||
      !settings.Number(kMaxBodyBytes, 1, kMaxLetterBodyLimit, options.max_body_bytes, error) ||
      !settings.Number(kMaxBatchItems, 1, kMaxBatchItemLimit, options.max_batch_items, error) ||
      !settings.Number(kMaxConcurrentBatches, 1, kMaxThreads, options.max_concurrent_batches,
                       error) ||
      !settings.Number(kMaxBatchBodyBytes, 1, kMaxBodyLimit, options.max_batch_body_bytes, error) ||
      !settings.Number(kMaxBatchSeconds, 1, kMaxBatchSecondsLimit, options.max_batch_seconds,
                       error) ||
      !settings.Number(kBatchStallSeconds, 1, kMaxBatchSecondsLimit, options.batch_stall_seconds,
                       error) ||
      !settings.Number(kThreads, 1, kMaxThreads, options.threads, error) ||
      !settings.Number(kRenderWorkers, 1, kMaxThreads, options.render_workers, error) ||
      !settings.Number(kQueueDepth, 0, kMaxQueueDepth, options.queue_depth, error) ||
      !settings.Number(kRequestTimeout, kMinTimeoutMs, kMaxTimeoutMs, options.request_timeout_ms,
                       error) ||
      !settings.Number(kQueueWait, 0, kMaxTimeoutMs, options.queue_wait_ms, error))
    return resolved;
  if (const auto file = settings.Get(kApiKeysFile)) {
    const Status status = options.api_keys.AddFile(file->text);
    if (!status.ok()) {
      error = file->source + ": " + status.message();
      return resolved;
    }
  }
  if (const auto list = settings.Variable(kApiKeysVariable)) {
    const std::size_t before = options.api_keys.size();
    options.api_keys.AddList(list->text);
    if (options.api_keys.size() == before) {
      error = std::string(kApiKeysVariable) + " is set but holds no key";
      return resolved;
    }
  }
  options.signing = ResolveSigning(flags, environment, error);
  if (!error.empty()) return resolved;
  jobs::ResolvedJobOptions job_options =
      jobs::ResolveJobOptions(flags, environment, kServeJobWorkers);
  if (!job_options.options) {
    error = job_options.error;
    return resolved;
  }
  options.jobs = std::move(*job_options.options);
  options.jobs.render_limit = std::chrono::milliseconds(options.request_timeout_ms);
  resolved.options = std::move(options);
  return resolved;
}

}  // namespace parting::server
