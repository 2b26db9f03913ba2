#include "jobs/job_options.h"

#include <charconv>

namespace parting::jobs {
namespace {

const JobSetting kDataDir{"--data-dir", "PARTING_DATA_DIR", "folder of the job database jobs.sqlite (default $XDG_DATA_HOME/parting)"};
const JobSetting kDatabase{"--database", "PARTING_DATABASE", "postgresql://... : jobs in PostgreSQL, shared by many replicas and workers"};
const JobSetting kWorkers{"--job-workers", "PARTING_JOB_WORKERS", "job items rendered at once by this process (serve: 1; worker: one per core)"};
const JobSetting kClaim{"--job-claim", "PARTING_JOB_CLAIM", "job items a thread claims and stores at once (default 8; fewer when renders are slow)"};
const JobSetting kRetention{"--job-retention", "PARTING_JOB_RETENTION", "how long jobs are kept after they end (default 7d; s, m, h, d)"};
const JobSetting kLease{"--job-lease-ms", "PARTING_JOB_LEASE_MS", "how long a claimed item stays claimed without news (default 60000)"};
const JobSetting kPoll{"--job-poll-ms", "PARTING_JOB_POLL_MS", "how long an idle worker sleeps at most; it is woken when work arrives (default 5000)"};
const JobSetting kCallbackAllow{"--callback-allow", "PARTING_CALLBACK_ALLOW", "hosts, addresses or CIDRs that job callbacks may call (default none)"};
const JobSetting kCallbackSecret{"", "PARTING_CALLBACK_SECRET", "the key of the HMAC-SHA256 signature of job callbacks"};
const JobSetting kCallbackBackoff{"", "PARTING_CALLBACK_BACKOFF_MS", "first wait before a callback is retried (doubles per attempt)"};
const JobSetting kSmtpUrl{"--smtp-url", "PARTING_SMTP_URL", "the relay that sends job e-mails: smtp://host:port, ...?starttls=required, smtps://... (default none: .eml only)"};
const JobSetting kTlsCaFile{"--tls-ca-file", "PARTING_TLS_CA_FILE", "PEM CA certificates that verify the SMTP relay and https callback receivers (default: the system's)"};
const JobSetting kEmailBackoff{"", "PARTING_EMAIL_BACKOFF_MS", "first wait before an e-mail is retried (doubles per attempt)"};

constexpr long long kMaxWorkers = 256;
constexpr long long kMaxClaim = 256;
constexpr long long kMinLeaseMs = 500;
constexpr long long kMaxLeaseMs = 24LL * 3600 * 1000;
constexpr long long kMaxBackoffMs = 3600LL * 1000;
constexpr long long kMinPollMs = 100;
constexpr long long kMaxPollMs = 3600LL * 1000;

struct Value {
  std::string text;
  std::string source;
};

std::optional<Value> Get(const std::map<std::string, std::string, std::less<>>& flags,
                         const Environment& environment, const JobSetting& setting) {
  if (!setting.flag.empty())
    if (const auto it = flags.find(setting.flag); it != flags.end())
      return Value{it->second, std::string(setting.flag)};
  std::optional<std::string> value = environment(setting.environment);
  if (!value || value->empty()) return std::nullopt;
  return Value{std::move(*value), std::string(setting.environment)};
}

std::optional<long long> Number(std::string_view text, long long min, long long max) {
  long long number = 0;
  const auto [stop, failure] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (failure != std::errc() || stop != text.data() + text.size() || number < min || number > max)
    return std::nullopt;
  return number;
}

std::string Range(long long min, long long max) {
  return " must be a whole number from " + std::to_string(min) + " to " + std::to_string(max);
}

std::filesystem::path DefaultDataDir(const Environment& environment) {
  if (auto xdg = environment("XDG_DATA_HOME"); xdg && !xdg->empty())
    return std::filesystem::path(*xdg) / "parting";
  if (auto home = environment("HOME"); home && !home->empty())
    return std::filesystem::path(*home) / ".local" / "share" / "parting";
  return "data";
}

}  // namespace

const std::vector<JobSetting>& JobSettings() {
  static const std::vector<JobSetting> settings = {
      kDataDir,       kDatabase,       kWorkers,         kClaim,   kRetention, kLease,
      kPoll,          kCallbackAllow,  kCallbackSecret, kCallbackBackoff, kSmtpUrl, kTlsCaFile,
      kEmailBackoff};
  return settings;
}

std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  const char unit = text.back();
  const auto number = Number(text.substr(0, text.size() - 1), 1, 100000);
  if (!number) return std::nullopt;
  switch (unit) {
    case 'd':
      return std::chrono::hours(24 * *number);
    case 'h':
      return std::chrono::hours(*number);
    case 'm':
      return std::chrono::minutes(*number);
    case 's':
      return std::chrono::seconds(*number);
  }
  return std::nullopt;
}

ResolvedJobOptions ResolveJobOptions(const std::map<std::string, std::string, std::less<>>& flags,
                                     const Environment& environment, int default_workers) {
  ResolvedJobOptions resolved;
  JobOptions options;
  options.workers = default_workers;
  auto fail = [&](std::string error) {
    resolved.error = std::move(error);
    return resolved;
  };
  if (const auto database = Get(flags, environment, kDatabase)) {
    if (!database->text.starts_with("postgresql://") && !database->text.starts_with("postgres://"))
      return fail(database->source +
                  " must be a postgresql:// URL (without it, jobs are kept "
                  "in SQLite below the data folder)");
    options.database = database->text;
  } else {
    const auto dir = Get(flags, environment, kDataDir);
    const std::filesystem::path data =
        dir ? std::filesystem::path(dir->text) : DefaultDataDir(environment);
    options.database = "sqlite:" + (data / "jobs.sqlite").string();
  }
  if (const auto workers = Get(flags, environment, kWorkers)) {
    const auto number = Number(workers->text, 0, kMaxWorkers);
    if (!number) return fail(workers->source + Range(0, kMaxWorkers));
    options.workers = static_cast<int>(*number);
  }
  if (const auto claim = Get(flags, environment, kClaim)) {
    const auto number = Number(claim->text, 1, kMaxClaim);
    if (!number) return fail(claim->source + Range(1, kMaxClaim));
    options.claim = static_cast<int>(*number);
  }
  if (const auto retention = Get(flags, environment, kRetention)) {
    const auto duration = ParseDuration(retention->text);
    if (!duration)
      return fail(retention->source + " must be a duration such as 7d, 12h, 30m or 45s");
    options.retention = *duration;
  }
  if (const auto lease = Get(flags, environment, kLease)) {
    const auto number = Number(lease->text, kMinLeaseMs, kMaxLeaseMs);
    if (!number) return fail(lease->source + Range(kMinLeaseMs, kMaxLeaseMs));
    options.lease = std::chrono::milliseconds(*number);
  }
  if (const auto poll = Get(flags, environment, kPoll)) {
    const auto number = Number(poll->text, kMinPollMs, kMaxPollMs);
    if (!number) return fail(poll->source + Range(kMinPollMs, kMaxPollMs));
    options.poll = std::chrono::milliseconds(*number);
  }
  if (const auto backoff = Get(flags, environment, kCallbackBackoff)) {
    const auto number = Number(backoff->text, 1, kMaxBackoffMs);
    if (!number) return fail(backoff->source + Range(1, kMaxBackoffMs));
    options.callback_backoff = std::chrono::milliseconds(*number);
  }
  if (const auto allow = Get(flags, environment, kCallbackAllow)) {
    auto list = CallbackAllowList::Parse(allow->text);
    if (!list.ok()) return fail(allow->source + ": " + list.status().errors().front().message);
    options.callback_allow = std::move(*list);
  }
  if (const auto ca_file = Get(flags, environment, kTlsCaFile)) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(ca_file->text, error))
      return fail(ca_file->source + " must name a readable PEM file: '" + ca_file->text +
                  "' is not a file");
    options.tls_ca_file = ca_file->text;
  }
  if (const auto smtp = Get(flags, environment, kSmtpUrl)) {
    auto relay = ParseSmtpUrl(smtp->text);
    if (!relay.ok()) return fail(smtp->source + " " + relay.status().errors().front().message);
    options.smtp = std::move(*relay);
    options.smtp->ca_file = options.tls_ca_file;
  }
  if (const auto backoff = Get(flags, environment, kEmailBackoff)) {
    const auto number = Number(backoff->text, 1, kMaxBackoffMs);
    if (!number) return fail(backoff->source + Range(1, kMaxBackoffMs));
    options.email_backoff = std::chrono::milliseconds(*number);
  }
  if (const auto secret = Get(flags, environment, kCallbackSecret))
    options.callback_secret = secret->text;
  if (!options.callback_allow.empty() && options.callback_secret.empty())
    return fail(
        "PARTING_CALLBACK_SECRET must be set when callbacks are allowed: callbacks are "
        "signed with it");
  resolved.options = std::move(options);
  return resolved;
}

}  // namespace parting::jobs
