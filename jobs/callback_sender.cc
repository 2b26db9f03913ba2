#include "jobs/callback_sender.h"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/URI.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <memory>
#include <sstream>

#include "jobs/job_json.h"
#include "jobs/tls_client.h"

namespace parting::jobs {

std::string HmacSha256Hex(std::string_view secret, std::string_view message) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest, &size);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

std::string CallbackSignature(std::string_view secret, std::int64_t unix_seconds,
                              std::string_view body) {
  const std::string t = std::to_string(unix_seconds);
  return "t=" + t + ",v1=" + HmacSha256Hex(secret, t + "." + std::string(body));
}

std::string CallbackBody(const JobRecord& job) {
  return "{\"id\":" + JsonString(job.id) + ",\"status\":" + JsonString(job.status) +
         ",\"totals\":" + TotalsJson(job.totals) + "}";
}

CallbackOutcome SendCallback(const CallbackAllowList& allow, std::string_view secret,
                             const std::string& url, const std::string& body,
                             std::chrono::milliseconds timeout, const std::string& ca_file) {
  CallbackOutcome outcome;
  outcome.attempt.at_ms = NowMs();
  auto address = allow.Resolve(url);
  if (!address.ok()) {
    outcome.attempt.status = "error: refused: " + address.status().errors().front().message;
    return outcome;
  }
  try {
    const Poco::URI uri(url);
    // Connect to the address that was checked, not to a fresh lookup; over
    // TLS the certificate must still name the URL's host.
    std::unique_ptr<Poco::Net::HTTPClientSession> connection;
    if (uri.getScheme() == "https") {
      Poco::Net::SecureStreamSocket socket(ClientTlsContext(ca_file));
      socket.setPeerHostName(uri.getHost());
      connection = std::make_unique<Poco::Net::HTTPSClientSession>(socket);
      connection->setHost(address->host().toString());
      connection->setPort(address->port());
    } else {
      connection = std::make_unique<Poco::Net::HTTPClientSession>(*address);
    }
    Poco::Net::HTTPClientSession& session = *connection;
    session.setTimeout(Poco::Timespan(timeout.count() * 1000));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setHost(uri.getHost(), uri.getPort());
    request.setContentType("application/json");
    request.setContentLength64(static_cast<Poco::Int64>(body.size()));
    request.set(std::string(kSignatureHeader),
                CallbackSignature(secret, outcome.attempt.at_ms / 1000, body));
    request.set("User-Agent", "parting-callback");
    session.sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    in.ignore(1 << 16);  // a short answer is read; a long one is not our business
    const int status = response.getStatus();
    outcome.attempt.status = std::to_string(status);
    outcome.delivered = status >= 200 && status < 300;
  } catch (const Poco::Exception& e) {
    outcome.attempt.status = "error: " + e.displayText();
  }
  return outcome;
}

}  // namespace parting::jobs
