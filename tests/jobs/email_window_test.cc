// Exactly-once sending, where SMTP allows it: an e-mail whose sender died
// before the final "." is sent again once its lease expires (the relay
// delivered nothing); one whose sender died after "delivering" was recorded
// is never sent again on its own but becomes "unconfirmed", for the
// operator to settle (parting unconfirmed): sent after all, or sent again
// with the same Message-ID.
#include <doctest/doctest.h>

#include "jobs/job_client.h"
#include "jobs/job_store.h"
#include "jobs/mail_sender.h"
#include "jobs/smtp_server.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

using jobs::EmailToSend;
using jobs::NowMs;
constexpr const char* kEml = kTestEml;

std::string EmailStatus(jobs::JobStore& store, const std::string& job) {
  return store.Items(job).value().front().email_status;
}

TEST_CASE("a sender that dies before the final '.' leaves an e-mail that is sent again") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const std::string job = JobWithEmail(*store);
    auto first = store->ClaimEmail("dies", NowMs() - 1);  // its lease already over
    REQUIRE(first.ok());
    REQUIRE(first->has_value());
    CHECK(EmailStatus(*store, job) == "sending");
    auto again = store->ClaimEmail("survivor", NowMs() + 60000);
    REQUIRE(again.ok());
    REQUIRE(again->has_value());
    CHECK((*again)->eml == kEml);
    // The first sender, if it was only slow, may not write the final ".".
    CHECK_FALSE(store->MarkEmailDelivering("dies", **first, NowMs() + 60000).value());
    CHECK(store->MarkEmailDelivering("survivor", **again, NowMs() + 60000).value());
    REQUIRE(store->FinishEmail("survivor", **again, "sent", "250 OK", 0).ok());
    CHECK(EmailStatus(*store, job) == "sent");
    CHECK_FALSE(store->ClaimEmail("third", NowMs() + 60000).value().has_value());
  });
}

TEST_CASE("a sender that dies after 'delivering' leaves it unconfirmed, settled by the operator") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const std::string job = JobWithEmail(*store);
    auto claimed = store->ClaimEmail("dies", NowMs() + 60000);
    REQUIRE(claimed->has_value());
    REQUIRE(store->MarkEmailDelivering("dies", **claimed, NowMs() - 1).value());
    // Never claimed again, whatever its lease says.
    CHECK_FALSE(store->ClaimEmail("other", NowMs() + 60000).value().has_value());
    CHECK(EmailStatus(*store, job) == "delivering");
    CHECK(store->ExpireDeliveries(NowMs()).value() == 1);
    CHECK(EmailStatus(*store, job) == "unconfirmed");
    auto unconfirmed = store->UnconfirmedEmails();
    REQUIRE(unconfirmed.ok());
    REQUIRE(unconfirmed->size() == 1);
    CHECK(unconfirmed->front().job_id == job);
    CHECK(unconfirmed->front().reply == jobs::kDeliveryUnknown);
    CHECK(unconfirmed->front().eml == kEml);
    // The late sender's record changes nothing any more.
    REQUIRE(store->FinishEmail("dies", **claimed, "sent", "250 late", 0).ok());
    CHECK(EmailStatus(*store, job) == "unconfirmed");

    // Resent on the operator's word: the same message, so the same Message-ID.
    using Kind = jobs::SettleOutcome::Kind;
    CHECK(store->SettleEmail(job, 0, jobs::Settlement::kResend).value().kind == Kind::kSettled);
    // Said twice: nothing more happens; the other decision is refused.
    CHECK(store->SettleEmail(job, 0, jobs::Settlement::kResend).value().kind ==
          Kind::kAlreadySettled);
    CHECK(store->SettleEmail(job, 0, jobs::Settlement::kSent).value().kind ==
          Kind::kSettledOtherwise);
    CHECK(EmailStatus(*store, job) == "pending");
    CHECK(store->SettleEmail(job, 1, jobs::Settlement::kSent).value().kind == Kind::kNoItem);
    CHECK(store->SettleEmail("nope", 0, jobs::Settlement::kSent).value().kind == Kind::kNoJob);
    auto resent = store->ClaimEmail("w", NowMs() + 60000);
    REQUIRE(resent->has_value());
    CHECK((*resent)->eml == kEml);
    REQUIRE(store->MarkEmailDelivering("w", **resent, NowMs() + 60000).value());
    REQUIRE(store->FinishEmail("w", **resent, "unconfirmed", "no answer", 0).ok());
    // Or recorded as sent, when the relay's log shows it.
    CHECK(store->SettleEmail(job, 0, jobs::Settlement::kSent).value().kind == Kind::kSettled);
    CHECK(store->Items(job).value().front().email_reply == "confirmed by the operator");
    CHECK(EmailStatus(*store, job) == "sent");
  });
}

TEST_CASE("listing unconfirmed e-mails reads their heads, not their attachments") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    jobs::NewJob job;
    job.id = jobs::NewJobId();
    job.body_sha256 = "big";
    job.items.push_back({1, "{}", "pending", "", "not_requested"});
    REQUIRE(store->Create(job).ok());
    auto claimed = store->Claim("renderer", 1, NowMs() + 60000);
    REQUIRE(claimed->size() == 1);
    const std::string big = std::string(kEml) + std::string(200000, 'A') + "\r\n";
    REQUIRE(store
                ->Complete("renderer", claimed->front(),
                           RenderedWithEmail(big, "office@nordlicht.example\nc@example.com"))
                .value());
    MakeUnconfirmed(*store, job.id);
    auto listed = store->UnconfirmedEmails(job.id);
    REQUIRE(listed.ok());
    REQUIRE(listed->size() == 1);
    CHECK(listed->front().eml.size() == jobs::kUnconfirmedEmlHead);
    CHECK(jobs::MessageIdOf(listed->front().eml) == "<parting-0123abcd@nordlicht.example>");
    CHECK(store->UnconfirmedEmails("another-job").value().empty());
  });
}

TEST_CASE("cancelling a job while its e-mail is being written keeps the final '.' back") {
  ForEachEngine([](const std::string& location) {
    auto store = OpenStore(location);
    const std::string job = JobWithEmail(*store);
    auto claimed = store->ClaimEmail("w", NowMs() + 60000);
    REQUIRE(claimed->has_value());
    CHECK(store->Cancel(job).value() == false);  // the job is done; its e-mails are not
    // A done job cannot be cancelled: its e-mail goes out.
    CHECK(store->MarkEmailDelivering("w", **claimed, NowMs() + 60000).value());

    // A job still running when cancelled: the e-mail being written stops.
    jobs::NewJob running;
    running.id = jobs::NewJobId();
    running.body_sha256 = "r";
    running.items.push_back({1, "{}", "pending", "", "not_requested"});
    running.items.push_back({2, "{}", "pending", "", "not_requested"});
    REQUIRE(store->Create(running).ok());
    auto items = store->Claim("renderer", 1, NowMs() + 60000);
    REQUIRE(items->size() == 1);
    REQUIRE(store
                ->Complete("renderer", items->front(),
                           RenderedWithEmail(kEml, "office@nordlicht.example\nc@example.com"))
                .value());
    auto sending = store->ClaimEmail("w", NowMs() + 60000);
    REQUIRE(sending->has_value());
    CHECK((*sending)->job_id == running.id);
    CHECK(store->Cancel(running.id).value());
    CHECK_FALSE(store->MarkEmailDelivering("w", **sending, NowMs() + 60000).value());
    CHECK(EmailStatus(*store, running.id) == "cancelled");
  });
}

TEST_CASE("a message whose final '.' is held back is not delivered") {
  SmtpServer server;
  auto relay = jobs::ParseSmtpUrl(server.url());
  REQUIRE(relay.ok());
  jobs::Envelope envelope;
  envelope.from = "office@nordlicht.example";
  envelope.recipients = {"client@example.com"};
  bool asked = false;
  const auto held = jobs::SendMail(*relay, envelope, kEml, std::chrono::milliseconds(10000), [&] {
    asked = true;
    return false;
  });
  CHECK(asked);
  CHECK(held.kind == jobs::SendOutcome::Kind::kHeldBack);
  const auto sent =
      jobs::SendMail(*relay, envelope, kEml, std::chrono::milliseconds(10000), [] { return true; });
  CHECK_MESSAGE(sent.kind == jobs::SendOutcome::Kind::kSent, sent.reply);
  for (int wait = 0; wait < 50 && server.Messages().empty(); ++wait)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto messages = server.Messages();
  REQUIRE(messages.size() == 1);  // the held-back one never arrived
}

TEST_CASE("parting unconfirmed lists and settles unconfirmed e-mails") {
  const std::string location = NewSqliteLocation();
  const std::string data_dir = std::filesystem::path(location.substr(7)).parent_path().string();
  std::string job;
  {
    auto store = OpenStore(location);
    job = JobWithEmail(*store);
    MakeUnconfirmed(*store, job);
  }
  const std::string parting = PartingBinary().string() + " unconfirmed --data-dir " + data_dir;
  int status = 0;
  const std::string listed = RunCommand(parting + " 2>&1", &status);
  CHECK(status == 0);
  CHECK(listed.find(job + ":0\t<parting-0123abcd@nordlicht.example>\tclient@example.com\t") == 0);
  const std::string unknown = RunCommand(parting + " --resend " + job + ":7 2>&1", &status);
  CHECK(status == 1);
  CHECK(unknown.find("no unconfirmed e-mail there") != std::string::npos);
  CHECK(RunCommand(parting + " --resend nonsense 2>&1", &status).find("JOB:INDEX") !=
        std::string::npos);
  CHECK(status == 2);
  RunCommand(parting + " --resend " + job + ":0 2>&1", &status);
  CHECK(status == 0);
  // Said again (a retried script): nothing more happens, and that is no error.
  CHECK(RunCommand(parting + " --resend " + job + ":0 2>&1", &status).find("(already)") !=
        std::string::npos);
  CHECK(status == 0);
  CHECK(RunCommand(parting + " 2>&1", &status).empty());
  auto store = OpenStore(location);
  CHECK(EmailStatus(*store, job) == "pending");
}

}  // namespace
}  // namespace parting::testing
