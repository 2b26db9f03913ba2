// Callbacks: the allow-list, the signature, and a real callback received by
// an HTTP server in this test, which first fails (the service retries with
// backoff) and then accepts; every attempt recorded in the job.
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <doctest/doctest.h>

#include <cstdlib>
#include <mutex>

#include "jobs/callback_allow_list.h"
#include "jobs/callback_sender.h"
#include "jobs/job_client.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

using jobs::CallbackAllowList;

TEST_CASE("the allow-list takes host names, addresses and CIDR ranges") {
  auto allow = CallbackAllowList::Parse("hooks.example.com, 127.0.0.0/8 ::1");
  REQUIRE(allow.ok());
  CHECK(allow->Check("http://127.0.0.1:8080/done").ok());
  CHECK(allow->Check("http://127.9.9.9/").ok());
  CHECK(allow->Check("http://[::1]:9/x").ok());
  CHECK(allow->Check("http://localhost/x").ok());  // resolves into 127.0.0.0/8
  const Status outside = allow->Check("http://10.0.0.1/x");
  CHECK(outside.code() == StatusCode::kInvalid);
  CHECK(outside.errors().front().pointer == "/headers/Parting-Callback-Url");
  CHECK(allow->Check("https://127.0.0.1/x").ok());
  CHECK_FALSE(allow->Check("https://10.0.0.1/x").ok());
  CHECK_FALSE(allow->Check("ftp://127.0.0.1/x").ok());
  CHECK_FALSE(allow->Check("http://user:pw@127.0.0.1/x").ok());
  CHECK_FALSE(allow->Check("not a url").ok());

  CHECK_FALSE(CallbackAllowList::Parse("10.0.0.0/33").ok());
  CHECK_FALSE(CallbackAllowList::Parse("exa mple/8").ok());
  CHECK_FALSE(CallbackAllowList::Parse("bad_host!").ok());
  // None by default: every callback refused.
  const Status none = CallbackAllowList().Check("http://127.0.0.1/x");
  CHECK(none.code() == StatusCode::kInvalid);
  CHECK(none.errors().front().message.find("--callback-allow") != std::string::npos);
}

TEST_CASE("a listed name is allowed; an unlisted one is not") {
  auto allow = CallbackAllowList::Parse("localhost");
  REQUIRE(allow.ok());
  CHECK(allow->Check("http://LOCALHOST:9/x").ok());
  CHECK_FALSE(allow->Check("http://127.0.0.1:9/x").ok());  // an address is no name
}

TEST_CASE("the signature is HMAC-SHA256 of t.body") {
  // RFC 4231, test case 2.
  CHECK(jobs::HmacSha256Hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(jobs::CallbackSignature("Jefe", 17, "{}") ==
        "t=17,v1=" + jobs::HmacSha256Hex("Jefe", "17.{}"));
}

// Records every POST; answers the statuses given, then 204.
class Receiver : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  struct Call {
    std::string signature;
    std::string body;
  };
  explicit Receiver(std::vector<int> statuses) : statuses_(std::move(statuses)) {}

  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Handler(*this);
  }
  std::vector<Call> calls() {
    std::lock_guard lock(mutex_);
    return calls_;
  }

 private:
  class Handler : public Poco::Net::HTTPRequestHandler {
   public:
    explicit Handler(Receiver& receiver) : receiver_(receiver) {}
    void handleRequest(Poco::Net::HTTPServerRequest& request,
                       Poco::Net::HTTPServerResponse& response) override {
      std::string body;
      Poco::StreamCopier::copyToString(request.stream(), body);
      int status = 204;
      {
        std::lock_guard lock(receiver_.mutex_);
        receiver_.calls_.push_back({request.get("Parting-Signature", ""), body});
        if (receiver_.calls_.size() <= receiver_.statuses_.size())
          status = receiver_.statuses_[receiver_.calls_.size() - 1];
      }
      response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
      response.setContentLength(0);
      response.send();
    }

   private:
    Receiver& receiver_;
  };

  std::mutex mutex_;
  std::vector<int> statuses_;
  std::vector<Call> calls_;
};

TEST_CASE("a job's callback is signed, retried with backoff, and every attempt recorded") {
  setenv("PARTING_CALLBACK_SECRET", "test-secret", 1);
  setenv("PARTING_CALLBACK_BACKOFF_MS", "100", 1);
  auto* receiver = new Receiver({500, 503});
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  Poco::Net::HTTPServer hooks(receiver, socket, new Poco::Net::HTTPServerParams);
  hooks.start();
  const std::string url =
      "http://127.0.0.1:" + std::to_string(socket.address().port()) + "/parting/done";

  const std::string location = NewSqliteLocation();
  ServerProcess server({"--data-dir",
                        std::filesystem::path(location.substr(7)).parent_path().string(),
                        "--callback-allow", "127.0.0.1/32"});
  unsetenv("PARTING_CALLBACK_SECRET");
  unsetenv("PARTING_CALLBACK_BACKOFF_MS");
  REQUIRE_MESSAGE(server.running(), server.Log());
  const auto port = server.port();

  const HttpResult outside =
      Call(port, "POST", "/v1/jobs", BatchBody(1), {{"Parting-Callback-Url", "http://10.9.9.9/"}});
  CHECK(outside.status == 422);
  CHECK(outside.body.find("/headers/Parting-Callback-Url") != std::string::npos);

  const HttpResult created =
      Call(port, "POST", "/v1/jobs", BatchBody(2), {{"Parting-Callback-Url", url}});
  REQUIRE_MESSAGE(created.status == 202, created.body);
  const std::string id = Json(created.body)->getValue<std::string>("id");
  WaitForJob(port, id);

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (receiver->calls().size() < 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // a 4th would come by now
  const auto calls = receiver->calls();
  REQUIRE(calls.size() == 3);  // 500, 503, then 204: delivered, no more
  for (const auto& call : calls) {
    auto body = Json(call.body);
    CHECK(body->getValue<std::string>("id") == id);
    CHECK(body->getValue<std::string>("status") == "done");
    CHECK(body->getObject("totals")->getValue<int>("ok") == 2);
    const std::size_t comma = call.signature.find(",v1=");
    REQUIRE(call.signature.starts_with("t="));
    REQUIRE(comma != std::string::npos);
    const std::string t = call.signature.substr(2, comma - 2);
    CHECK(call.signature.substr(comma + 4) ==
          jobs::HmacSha256Hex("test-secret", t + "." + call.body));
  }

  // Recorded in the job, in order (the record follows the answer closely).
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto job = Json(Call(port, "GET", "/v1/jobs/" + id).body);
  auto callback = job->getObject("callback");
  REQUIRE(callback);
  CHECK(callback->getValue<std::string>("url") == url);
  auto attempts = callback->getArray("attempts");
  REQUIRE(attempts->size() == 3);
  CHECK(attempts->getObject(0)->getValue<std::string>("status") == "500");
  CHECK(attempts->getObject(1)->getValue<std::string>("status") == "503");
  CHECK(attempts->getObject(2)->getValue<std::string>("status") == "204");
  hooks.stop();
}

}  // namespace
}  // namespace parting::testing
