// The job service's settings, shared by `parting serve` and `parting
// worker`: flags with environment twins (a flag wins; an empty variable
// counts as unset), as for the rest of serve's settings.
//
//   --data-dir DIR          PARTING_DATA_DIR        where jobs.sqlite lives
//   --database URL          PARTING_DATABASE        postgresql://… instead
//   --job-workers N         PARTING_JOB_WORKERS     items rendered at once (0: none)
//   --job-claim N           PARTING_JOB_CLAIM       items claimed and stored at once
//   --job-retention T       PARTING_JOB_RETENTION   7d; also 12h, 30m, 45s
//   --job-lease-ms N        PARTING_JOB_LEASE_MS    a claim's lifetime
//   --job-poll-ms N         PARTING_JOB_POLL_MS     an idle worker's fallback poll
//   --callback-allow LIST   PARTING_CALLBACK_ALLOW  hosts / CIDRs; none
//   (no flag)               PARTING_CALLBACK_SECRET HMAC key of callbacks
//   (no flag)               PARTING_CALLBACK_BACKOFF_MS first retry delay
//   --smtp-url URL          PARTING_SMTP_URL        send items with delivery.email
//   --tls-ca-file PEM       PARTING_TLS_CA_FILE     CAs for the relay and callbacks
//
// and one setting of serve's own, declared there (parting/serve_config.h):
//   --request-timeout-ms N  PARTING_REQUEST_TIMEOUT_MS  render_limit below
//
// Pure; the environment is passed in.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jobs/callback_allow_list.h"
#include "jobs/mail_sender.h"

namespace parting::jobs {

struct JobOptions {
  std::string database;  ///< "sqlite:PATH" or "postgresql://…"
  int workers = 1;       ///< threads working items in this process
  int claim = 8;         ///< items a thread claims (and stores) at once, at most
  std::chrono::milliseconds lease{60000};
  /// How long an idle worker sleeps at most: it is woken when work arrives
  /// (work_signal.h) and when a lease or retry falls due, so this only
  /// bounds the delay when a wake-up was missed (another process on SQLite,
  /// a notification lost while PostgreSQL was away).
  std::chrono::milliseconds poll{5000};
  std::chrono::milliseconds retention{std::chrono::hours(24 * 7)};
  std::chrono::milliseconds callback_backoff{5000};  ///< doubles per attempt
  int callback_max_attempts = 8;
  CallbackAllowList callback_allow;
  std::string callback_secret;
  std::string tls_ca_file;  ///< "" for the system's CAs (SMTP relay, https callbacks)
  std::optional<SmtpRelay> smtp;                   ///< none: e-mails are only written (.eml)
  std::chrono::milliseconds email_backoff{30000};  ///< doubles per attempt
  int email_max_attempts = 6;
  /// An item whose letter takes longer to render is stored as failed, with
  /// the synchronous batch's words for a timed-out item, and is never sent:
  /// serve's --request-timeout-ms (PARTING_REQUEST_TIMEOUT_MS), which
  /// `parting worker` takes too (server::ResolveRenderLimit()).
  std::chrono::milliseconds render_limit{30000};
};

struct JobSetting {
  std::string_view flag;  ///< "" for a variable only
  std::string_view environment;
  std::string_view help;  ///< one line for --help
};

/// The job settings, in the order of --help.
const std::vector<JobSetting>& JobSettings();

using Environment = std::function<std::optional<std::string>(std::string_view name)>;

struct ResolvedJobOptions {
  std::optional<JobOptions> options;
  std::string error;  ///< names the flag or variable at fault
};

/// `default_workers` applies without --job-workers (serve: 1, worker: one
/// per core). Without --database the store is <data dir>/jobs.sqlite, the
/// data dir being --data-dir, else $XDG_DATA_HOME/parting, else
/// $HOME/.local/share/parting, else ./data.
ResolvedJobOptions ResolveJobOptions(const std::map<std::string, std::string, std::less<>>& flags,
                                     const Environment& environment, int default_workers);

/// "7d", "12h", "30m", "45s" → milliseconds; nullopt for anything else.
std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text);

}  // namespace parting::jobs
