#include "jobs/mail_sender.h"

#include <Poco/Exception.h>
#include <Poco/Net/DialogSocket.h>
#include <Poco/Net/MailStream.h>
#include <Poco/Net/MessageHeader.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>

#include "jobs/tls_client.h"

namespace parting::jobs {
namespace {

const std::string kPointer = "--smtp-url";

bool Positive(int status) { return status / 100 == 2; }

constexpr Poco::UInt16 kSmtpPort = 25;
constexpr Poco::UInt16 kSmtpsPort = 465;

// Poco's session, with its socket reachable for STARTTLS and the data phase.
class Session : public Poco::Net::SMTPClientSession {
 public:
  using SMTPClientSession::SMTPClientSession;
  using SMTPClientSession::socket;
};

// The connection to the relay, TLS from the start for smtps://, within
// `timeout` (the handshake included).
Poco::Net::StreamSocket Connect(const SmtpRelay& relay, const Poco::Timespan& timeout) {
  const Poco::Net::SocketAddress address(relay.host, relay.port);
  if (relay.security == SmtpRelay::Security::kImplicitTls) {
    Poco::Net::SecureStreamSocket socket(ClientTlsContext(relay.ca_file));
    socket.setPeerHostName(relay.host);
    socket.connect(address, timeout);
    return std::move(socket);
  }
  Poco::Net::StreamSocket socket;
  socket.connect(address, timeout);
  return socket;
}

// STARTTLS on an open session: the relay must offer it, and the rest of the
// conversation (EHLO again, the login, the message) goes over TLS.
void StartTls(Session& session, const SmtpRelay& relay) {
  std::string reply;
  const int status = session.sendCommand("STARTTLS", reply);
  if (!Positive(status))
    throw Poco::Net::SMTPException("the relay refused STARTTLS, which the URL requires", reply,
                                   status);
  Poco::Net::SecureStreamSocket secure = Poco::Net::SecureStreamSocket::attach(
      session.socket(), relay.host, ClientTlsContext(relay.ca_file));
  session.socket() = secure;
}

}  // namespace

std::string MessageIdOf(std::string_view eml) {
  Poco::Net::MessageHeader header;
  const std::size_t end = eml.find("\r\n\r\n");  // the header block, its blank line included
  std::istringstream in{std::string(eml.substr(0, end == eml.npos ? end : end + 4))};
  try {
    header.read(in);
  } catch (const Poco::Exception&) {
    return "";  // not a header block Poco can read (never so for Parting's own messages)
  }
  return header.get("Message-ID", "");
}

Result<SmtpRelay> ParseSmtpUrl(std::string_view url) {
  Poco::URI uri;
  try {
    uri = Poco::URI(std::string(url));
  } catch (const Poco::Exception& e) {
    return Status::Invalid({{kPointer, "is not a URL: " + e.message()}});
  }
  const std::string usage =
      "must be smtp://[user:password@]host[:port][?starttls=required] or "
      "smtps://[user:password@]host[:port]";
  if (uri.getScheme() != "smtp" && uri.getScheme() != "smtps")
    return Status::Invalid({{kPointer, usage}});
  if (uri.getHost().empty()) return Status::Invalid({{kPointer, "has no host"}});
  SmtpRelay relay;
  relay.security =
      uri.getScheme() == "smtps" ? SmtpRelay::Security::kImplicitTls : SmtpRelay::Security::kPlain;
  for (const auto& [name, value] : uri.getQueryParameters()) {
    if (name == "starttls" && value == "required" && uri.getScheme() == "smtp") {
      relay.security = SmtpRelay::Security::kStartTls;
    } else {
      return Status::Invalid(
          {{kPointer, "has an unknown parameter '" + name + "=" + value + "' (" + usage + ")"}});
    }
  }
  relay.host = uri.getHost();
  const Poco::UInt16 standard =
      relay.security == SmtpRelay::Security::kImplicitTls ? kSmtpsPort : kSmtpPort;
  // Poco::URI knows no port for smtp and smtps: 0 unless one is given.
  relay.port = uri.getPort() == 0 ? standard : uri.getPort();
  const std::string info = uri.getUserInfo();
  if (!info.empty()) {
    const std::size_t colon = info.find(':');
    Poco::URI::decode(info.substr(0, colon), relay.user);
    if (colon != std::string::npos) Poco::URI::decode(info.substr(colon + 1), relay.password);
  }
  return relay;
}

std::string Envelope::Encode() const {
  std::string out = from;
  for (const std::string& recipient : recipients) out += "\n" + recipient;
  return out;
}

Envelope Envelope::Decode(std::string_view text) {
  Envelope envelope;
  std::istringstream lines{std::string(text)};
  std::string line;
  bool first = true;
  while (std::getline(lines, line)) {
    if (first) {
      envelope.from = line;
      first = false;
    } else if (!line.empty()) {
      envelope.recipients.push_back(line);
    }
  }
  return envelope;
}

SendOutcome SendMail(const SmtpRelay& relay, const Envelope& envelope, const std::string& eml,
                     std::chrono::milliseconds timeout,
                     const std::function<bool()>& before_final_dot) {
  SendOutcome outcome;
  bool data_sent = false;
  try {
    const Poco::Timespan limit(timeout.count() * 1000);
    Session session(Connect(relay, limit));
    session.setTimeout(limit);
    if (relay.security == SmtpRelay::Security::kStartTls) {
      session.login();  // the greeting and EHLO, in the clear
      StartTls(session, relay);
    }
    if (relay.user.empty()) {
      session.login();
    } else {
      session.login(Poco::Net::SMTPClientSession::AUTH_LOGIN, relay.user, relay.password);
    }
    session.sendAddresses(envelope.from, envelope.recipients);
    session.sendData();
    // SMTPClientSession::sendMessage(istream) without dropping the answer:
    // the relay's reply to the final "." is what the manifest records.
    Poco::Net::DialogSocket& socket = session.socket();
    Poco::Net::SocketOutputStream socket_stream(socket);
    Poco::Net::MailOutputStream mail_stream(socket_stream);
    std::istringstream message(eml);
    Poco::StreamCopier::copyStream(message, mail_stream);
    mail_stream.flush();
    socket_stream.flush();
    // Everything but the final ".": until it arrives the relay delivers
    // nothing, and a connection closed now discards the message.
    if (before_final_dot && !before_final_dot()) {
      session.socket().close();
      outcome.kind = SendOutcome::Kind::kHeldBack;
      outcome.reply = "the final '.' was held back: nothing delivered";
      return outcome;
    }
    data_sent = true;
    mail_stream.close();
    socket_stream.flush();
    std::string reply;
    const int status = socket.receiveStatusMessage(reply);
    outcome.reply = reply;
    outcome.kind = Positive(status) ? SendOutcome::Kind::kSent : SendOutcome::Kind::kFailed;
    if (status / 100 == 4) outcome.kind = SendOutcome::Kind::kRetry;  // refused: not delivered
    try {
      session.close();
    } catch (const Poco::Exception&) {
      // The message is settled; a failed QUIT changes nothing.
    }
  } catch (const Poco::Net::SMTPException& e) {
    // A refusal (4xx/5xx) before the data ended: nothing was delivered.
    outcome.reply = e.message();
    const bool transient = e.code() / 100 == 4 || e.code() == 0;
    outcome.kind = transient ? SendOutcome::Kind::kRetry : SendOutcome::Kind::kFailed;
  } catch (const Poco::Exception& e) {
    outcome.reply = e.displayText();
    outcome.kind = data_sent ? SendOutcome::Kind::kUnconfirmed : SendOutcome::Kind::kRetry;
  }
  return outcome;
}

}  // namespace parting::jobs
