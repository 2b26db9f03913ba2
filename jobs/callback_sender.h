// The job's callback: one signed POST of {"id","status","totals"} to the
// URL the client named, to an allowed host only (callback_allow_list.h).
//
// Signature header (api.md): Parting-Signature: t=<unix seconds>,v1=<hex
// HMAC-SHA256 of "<t>.<body>"> keyed with PARTING_CALLBACK_SECRET, so the
// receiver can check who sent it and reject replays by t. An https URL is
// called over TLS (tls_client.h): the receiver's certificate must chain to
// the system's CAs, or to --tls-ca-file when set, and name the URL's host;
// the connection goes to the address the allow-list checked. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "jobs/callback_allow_list.h"
#include "jobs/job_store.h"

namespace parting::jobs {

inline constexpr std::string_view kSignatureHeader = "Parting-Signature";

/// Lowercase hex HMAC-SHA256 of `message` keyed with `secret`.
std::string HmacSha256Hex(std::string_view secret, std::string_view message);

/// "t=<t>,v1=<hex HMAC of "<t>.<body>">".
std::string CallbackSignature(std::string_view secret, std::int64_t unix_seconds,
                              std::string_view body);

/// The callback body for a job: {"id","status","totals":{…}}.
std::string CallbackBody(const JobRecord& job);

/// POSTs `body` to `url` within `timeout`; the attempt's status is the HTTP
/// status ("204") or "error: why" (refused by the allow list, connection
/// failed, timed out, certificate not trusted). `delivered` is true for a
/// 2xx answer. `ca_file` "" verifies https receivers by the system's CAs.
struct CallbackOutcome {
  CallbackAttempt attempt;
  bool delivered = false;
};
CallbackOutcome SendCallback(const CallbackAllowList& allow, std::string_view secret,
                             const std::string& url, const std::string& body,
                             std::chrono::milliseconds timeout, const std::string& ca_file = "");

}  // namespace parting::jobs
