// Sending over TLS: smtp://…?starttls=required and smtps:// against aiosmtpd
// with a certificate from a throw-away CA. The relay's certificate is
// verified (chain and name), a relay that does not offer STARTTLS when the
// URL requires it gets nothing, and a job's e-mail goes out over STARTTLS
// with --tls-ca-file.
#include <Poco/JSON/Object.h>
#include <doctest/doctest.h>

#include <sstream>

#include "jobs/job_client.h"
#include "jobs/job_options.h"
#include "jobs/mail_sender.h"
#include "jobs/smtp_server.h"
#include "jobs/store_fixture.h"
#include "jobs/test_ca.h"

namespace parting::testing {
namespace {

using jobs::Envelope;
using jobs::SendOutcome;
using jobs::SmtpRelay;

const TestCa& Ca() {
  static const TestCa ca = MakeTestCa();
  return ca;
}

std::string Message(const std::string& to) {
  return "From: office@nordlicht.example\r\nTo: " + to +
         "\r\nSubject: TLS test\r\nMessage-ID: <tls-test@parting>\r\n\r\nBody.\r\n";
}

SendOutcome Send(const std::string& url, const std::string& ca_file, const std::string& to) {
  auto relay = jobs::ParseSmtpUrl(url);
  REQUIRE_MESSAGE(relay.ok(), relay.status().ToString());
  relay->ca_file = ca_file;
  Envelope envelope;
  envelope.from = "office@nordlicht.example";
  envelope.recipients = {to};
  return jobs::SendMail(*relay, envelope, Message(to), std::chrono::milliseconds(10000));
}

// The relay's "250" may come a moment before its file is in the Maildir.
std::size_t StoredSoon(const SmtpServer& server, std::size_t expected) {
  for (int wait = 0; wait < 50 && server.Messages().size() < expected; ++wait)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  return server.Messages().size();
}

TEST_CASE("SMTP URLs: plain, STARTTLS required, TLS from the start") {
  auto plain = jobs::ParseSmtpUrl("smtp://relay.example");
  REQUIRE(plain.ok());
  CHECK(plain->security == SmtpRelay::Security::kPlain);
  CHECK(plain->port == 25);
  auto starttls = jobs::ParseSmtpUrl("smtp://u:p%40ss@relay.example:587?starttls=required");
  REQUIRE(starttls.ok());
  CHECK(starttls->security == SmtpRelay::Security::kStartTls);
  CHECK(starttls->port == 587);
  CHECK(starttls->user == "u");
  CHECK(starttls->password == "p@ss");
  auto implicit = jobs::ParseSmtpUrl("smtps://relay.example");
  REQUIRE(implicit.ok());
  CHECK(implicit->security == SmtpRelay::Security::kImplicitTls);
  CHECK(implicit->port == 465);
  for (const char* bad :
       {"smtp://relay.example?starttls=yes", "smtps://relay.example?starttls=required",
        "smtp://relay.example?tls=1", "http://relay.example"}) {
    CAPTURE(bad);
    auto refused = jobs::ParseSmtpUrl(bad);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().errors().front().pointer == "--smtp-url");
  }
}

TEST_CASE("STARTTLS and smtps deliver when the relay's certificate is trusted") {
  const TestCa& ca = Ca();
  for (auto tls : {SmtpServer::Tls::kStartTls, SmtpServer::Tls::kImplicit}) {
    SmtpServer server(tls, ca.certificate, ca.key);
    CAPTURE(server.url());
    const SendOutcome sent = Send(server.url(), ca.ca.string(), "client@example.com");
    CHECK_MESSAGE(sent.kind == SendOutcome::Kind::kSent, sent.reply);
    CHECK(sent.reply.starts_with("250"));
    REQUIRE(StoredSoon(server, 1) == 1);
    CHECK(server.Messages().front().find("Subject: TLS test") != std::string::npos);
  }
}

TEST_CASE("an untrusted or misnamed relay certificate sends nothing") {
  const TestCa& ca = Ca();
  for (auto tls : {SmtpServer::Tls::kStartTls, SmtpServer::Tls::kImplicit}) {
    {
      // The system's CAs do not know the test CA.
      SmtpServer server(tls, ca.certificate, ca.key);
      CAPTURE(server.url());
      const SendOutcome refused = Send(server.url(), "", "client@example.com");
      CHECK(refused.kind == SendOutcome::Kind::kRetry);
      CHECK_MESSAGE(refused.reply.find("certificate") != std::string::npos, refused.reply);
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      CHECK(server.Messages().empty());
    }
    {
      // Trusted CA, but the certificate names mail.example, not 127.0.0.1.
      SmtpServer server(tls, ca.other_certificate, ca.other_key);
      CAPTURE(server.url());
      const SendOutcome refused = Send(server.url(), ca.ca.string(), "client@example.com");
      CHECK(refused.kind == SendOutcome::Kind::kRetry);
      CHECK_MESSAGE(refused.reply.find("Unacceptable certificate") != std::string::npos,
                    refused.reply);
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      CHECK(server.Messages().empty());
    }
  }
}

TEST_CASE("a relay without STARTTLS gets nothing when the URL requires it") {
  SmtpServer server;  // plain: no STARTTLS in its EHLO answer
  const std::string url = server.url() + "?starttls=required";
  const SendOutcome refused = Send(url, Ca().ca.string(), "client@example.com");
  CHECK(refused.kind != SendOutcome::Kind::kSent);
  CHECK(refused.kind != SendOutcome::Kind::kUnconfirmed);
  CHECK_MESSAGE(refused.reply.find("STARTTLS") != std::string::npos, refused.reply);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(server.Messages().empty());
}

TEST_CASE("a job's e-mail goes out over STARTTLS with --tls-ca-file") {
  const TestCa& ca = Ca();
  SmtpServer smtp(SmtpServer::Tls::kStartTls, ca.certificate, ca.key);
  const std::string location = NewSqliteLocation();
  const std::string data_dir = std::filesystem::path(location.substr(7)).parent_path().string();
  ServerProcess server(
      {"--data-dir", data_dir, "--smtp-url", smtp.url(), "--tls-ca-file", ca.ca.string()});
  REQUIRE_MESSAGE(server.running(), server.Log());
  auto request = Json(SampleRequest("en"));
  Poco::JSON::Object::Ptr email = new Poco::JSON::Object;
  email->set("to", "tls-client@client.example");
  Poco::JSON::Object::Ptr delivery = new Poco::JSON::Object;
  delivery->set("email", email);
  request->set("delivery", delivery);
  std::ostringstream body;
  request->stringify(body);
  const HttpResult created = Call(server.port(), "POST", "/v1/jobs", "[" + body.str() + "]");
  REQUIRE_MESSAGE(created.status == 202, created.body);
  const std::string id = Json(created.body)->getValue<std::string>("id");
  WaitForJob(server.port(), id);
  std::string status;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  Poco::JSON::Object::Ptr item;
  do {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    item = Json(Call(server.port(), "GET", "/v1/jobs/" + id + "/manifest").body)
               ->getArray("items")
               ->getObject(0);
    status = item->getValue<std::string>("email_status");
    REQUIRE(std::chrono::steady_clock::now() < deadline);
  } while (status == "pending" || status == "sending");
  CHECK_MESSAGE(status == "sent", item->getValue<std::string>("email_reply"));
  REQUIRE(StoredSoon(smtp, 1) == 1);
  CHECK(smtp.Messages().front().find("application/pdf") != std::string::npos);
}

TEST_CASE("--tls-ca-file must name a file") {
  const auto resolved = jobs::ResolveJobOptions(
      {{"--tls-ca-file", "/no/such/ca.pem"}},
      [](std::string_view) -> std::optional<std::string> { return std::nullopt; }, 1);
  REQUIRE_FALSE(resolved.options);
  CHECK(resolved.error.find("--tls-ca-file") == 0);
}

}  // namespace
}  // namespace parting::testing
