// TLS for the connections the job service opens itself (the SMTP relay of
// --smtp-url, https callbacks), through Poco NetSSL over OpenSSL: TLS 1.2 or
// newer, the peer's certificate chain verified against the system's CA
// certificates, or only against --tls-ca-file when that is set, and its name
// against the host the URL names (also for 127.0.0.1: VERIFY_STRICT). A
// certificate that fails is an error, never a question to a handler.
//
//   Poco::Net::SecureStreamSocket socket(ClientTlsContext(ca_file));
//   socket.setPeerHostName("mail.example.com");
#pragma once

#include <Poco/Net/Context.h>

#include <string>

namespace parting::jobs {

/// A client context; `ca_file` "" for the system's CAs. Throws
/// Poco::Exception when the CA file cannot be read.
Poco::Net::Context::Ptr ClientTlsContext(const std::string& ca_file);

}  // namespace parting::jobs
