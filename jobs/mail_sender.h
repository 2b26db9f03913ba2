// Sending a job item's e-mail through an SMTP relay (--smtp-url), with
// Poco's SMTPClientSession, so that the caller can tell "not sent, safe to
// retry" from "sent" and from "perhaps sent": the exactly-once bookkeeping
// (job_worker.cc) depends on that difference.
//
// The URL says how the connection is protected:
//   smtp://host[:port]                      plain (port 25)
//   smtp://host[:port]?starttls=required    STARTTLS before anything else is
//                                           said; a relay that does not offer
//                                           it gets nothing (no fallback)
//   smtps://host[:port]                     TLS from the first byte (465)
// user:password@ before the host logs in (AUTH LOGIN), after STARTTLS. The
// relay's certificate is verified (tls_client.h; --tls-ca-file).
//
// The message is the item's .eml exactly as the batch writes it (its
// Message-ID derives from the letter's fingerprint); the envelope (MAIL
// FROM, RCPT TO) comes from the request. Thread-safe (one session per call).
#pragma once

#include <Poco/Types.h>

#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "parting/status.h"

namespace parting::jobs {

struct SmtpRelay {
  enum class Security { kPlain, kStartTls, kImplicitTls };
  Security security = Security::kPlain;
  std::string host;
  Poco::UInt16 port = 25;
  std::string ca_file;  ///< CA certificates to verify the relay by; "" for the system's
  std::string user;     ///< login when set (AUTH LOGIN)
  std::string password;
};

/// smtp://[user:password@]host[:port][?starttls=required] or
/// smtps://[user:password@]host[:port]; kInvalid naming the URL otherwise.
Result<SmtpRelay> ParseSmtpUrl(std::string_view url);

/// "from\nto\ncc…": the addresses of the SMTP envelope, one a line.
struct Envelope {
  std::string from;
  std::vector<std::string> recipients;
  std::string Encode() const;
  static Envelope Decode(std::string_view text);
};

struct SendOutcome {
  enum class Kind {
    kSent,         ///< the relay accepted the message (reply holds its answer)
    kRetry,        ///< not sent (no connection, a 4xx before the data): try again
    kFailed,       ///< refused for good (a 5xx before or after the data)
    kUnconfirmed,  ///< the final "." went out but no answer came: perhaps sent
    kHeldBack,     ///< before_final_dot said no: the "." was never sent, nothing delivered
  };
  Kind kind = Kind::kRetry;
  std::string reply;  ///< the relay's answer or the error
};

/// The Message-ID header's value of a message ("<…@…>"), "" when it has none.
std::string MessageIdOf(std::string_view eml);

/// Sends `eml`. With `before_final_dot`, the whole message is written but
/// its terminating "." held back until before_final_dot() returns true (the
/// sender records that delivery may now happen); false closes the
/// connection without it, so the relay discards the message (RFC 5321 4.1.1.4).
SendOutcome SendMail(const SmtpRelay& relay, const Envelope& envelope, const std::string& eml,
                     std::chrono::milliseconds timeout,
                     const std::function<bool()>& before_final_dot = {});

}  // namespace parting::jobs
