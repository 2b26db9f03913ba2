#include "jobs/mail_sender.h"

#include <Poco/Exception.h>
#include <Poco/Net/DialogSocket.h>
#include <Poco/Net/MailStream.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>

namespace parting::jobs {
namespace {

const std::string kPointer = "--smtp-url";

bool Positive(int status) { return status / 100 == 2; }

// Poco's session, with its socket reachable for the data phase.
class Session : public Poco::Net::SMTPClientSession {
 public:
  using SMTPClientSession::SMTPClientSession;
  using SMTPClientSession::socket;
};

}  // namespace

Result<SmtpRelay> ParseSmtpUrl(std::string_view url) {
  Poco::URI uri;
  try {
    uri = Poco::URI(std::string(url));
  } catch (const Poco::Exception& e) {
    return Status::Invalid({{kPointer, "is not a URL: " + e.message()}});
  }
  if (uri.getScheme() != "smtp")
    return Status::Invalid(
        {{kPointer, "must be smtp://[user:password@]host[:port] (STARTTLS is not supported)"}});
  if (uri.getHost().empty()) return Status::Invalid({{kPointer, "has no host"}});
  SmtpRelay relay;
  relay.host = uri.getHost();
  relay.port = uri.getPort() == 0 ? 25 : uri.getPort();
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
                     std::chrono::milliseconds timeout) {
  SendOutcome outcome;
  bool data_sent = false;
  try {
    Session session(relay.host, relay.port);
    session.setTimeout(Poco::Timespan(timeout.count() * 1000));
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
    data_sent = true;
    Poco::StreamCopier::copyStream(message, mail_stream);
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
