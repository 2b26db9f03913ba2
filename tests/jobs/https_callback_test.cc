// Callbacks over https: a receiver made of python3's http.server wrapped in
// ssl, with a certificate from a throw-away CA. The callback is delivered
// when the receiver's certificate chains to --tls-ca-file and names the
// URL's host, and not at all otherwise (the attempt records why); a job's
// callback goes out over https end to end.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include "jobs/callback_allow_list.h"
#include "jobs/callback_sender.h"
#include "jobs/job_client.h"
#include "jobs/store_fixture.h"
#include "jobs/test_ca.h"

namespace parting::testing {
namespace {

constexpr char kReceiver[] = R"(import http.server, json, os, ssl, sys
port_file, log, certificate, key = sys.argv[1:5]
class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode()
        with open(log, "a") as out:
            out.write(json.dumps({"signature": self.headers.get("Parting-Signature", ""),
                                  "path": self.path, "body": body}) + "\n")
        self.send_response(204)
        self.end_headers()
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(certificate, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
with open(port_file + ".tmp", "w") as out:
    out.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
)";

// The https receiver as a child process; every POST it took, one JSON a line.
class HttpsReceiver {
 public:
  HttpsReceiver(const std::filesystem::path& certificate, const std::filesystem::path& key)
      : dir_(TempDir("parting_https_hook_")) {
    WriteFile(dir_ / "receiver.py", kReceiver);
    const std::string script = (dir_ / "receiver.py").string();
    const std::string port_file = (dir_ / "port").string();
    const std::string log = (dir_ / "calls.jsonl").string();
    pid_ = fork();
    if (pid_ == 0) {
      if (!std::freopen((dir_ / "stderr").c_str(), "w", stderr)) _exit(127);
      execl("/usr/bin/python3", "python3", script.c_str(), port_file.c_str(), log.c_str(),
            certificate.c_str(), key.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (!std::filesystem::exists(dir_ / "port")) {
      REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline,
                      "the https receiver did not start");
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    port_ = std::stoi(ReadFile(dir_ / "port"));
  }
  ~HttpsReceiver() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  std::string url(const std::string& host = "127.0.0.1") const {
    return "https://" + host + ":" + std::to_string(port_) + "/parting/done";
  }
  std::vector<Poco::JSON::Object::Ptr> Calls() const {
    std::vector<Poco::JSON::Object::Ptr> calls;
    if (!std::filesystem::exists(dir_ / "calls.jsonl")) return calls;
    std::istringstream lines(ReadFile(dir_ / "calls.jsonl"));
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) calls.push_back(Json(line));
    return calls;
  }

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

const TestCa& Ca() {
  static const TestCa ca = MakeTestCa();
  return ca;
}

jobs::CallbackAllowList Loopback() {
  return jobs::CallbackAllowList::Parse("127.0.0.1/32").value();
}

TEST_CASE("an https callback is delivered only to a receiver whose certificate is trusted") {
  const TestCa& ca = Ca();
  const auto timeout = std::chrono::milliseconds(10000);
  {
    HttpsReceiver receiver(ca.certificate, ca.key);
    const auto sent = jobs::SendCallback(Loopback(), "s3cret", receiver.url(), R"({"id":"x"})",
                                         timeout, ca.ca.string());
    CHECK_MESSAGE(sent.delivered, sent.attempt.status);
    CHECK(sent.attempt.status == "204");
    const auto calls = receiver.Calls();
    REQUIRE(calls.size() == 1);
    CHECK(calls[0]->getValue<std::string>("body") == R"({"id":"x"})");
    CHECK(calls[0]->getValue<std::string>("path") == "/parting/done");
    CHECK(calls[0]->getValue<std::string>("signature").starts_with("t="));

    // The system's CAs do not know the test CA: nothing is sent.
    const auto untrusted =
        jobs::SendCallback(Loopback(), "s3cret", receiver.url(), "{}", timeout, "");
    CHECK_FALSE(untrusted.delivered);
    CHECK_MESSAGE(untrusted.attempt.status.find("certificate verify failed") != std::string::npos,
                  untrusted.attempt.status);
    CHECK(receiver.Calls().size() == 1);
  }
  {
    // A certificate of the trusted CA, but for mail.example, not 127.0.0.1.
    HttpsReceiver receiver(ca.other_certificate, ca.other_key);
    const auto misnamed =
        jobs::SendCallback(Loopback(), "s3cret", receiver.url(), "{}", timeout, ca.ca.string());
    CHECK_FALSE(misnamed.delivered);
    CHECK_MESSAGE(misnamed.attempt.status.find("Unacceptable certificate") != std::string::npos,
                  misnamed.attempt.status);
    CHECK(receiver.Calls().empty());
  }
}

TEST_CASE("a job's callback goes out over https with --tls-ca-file") {
  const TestCa& ca = Ca();
  HttpsReceiver receiver(ca.certificate, ca.key);
  setenv("PARTING_CALLBACK_SECRET", "test-secret", 1);
  const std::string location = NewSqliteLocation();
  ServerProcess server({"--data-dir",
                        std::filesystem::path(location.substr(7)).parent_path().string(),
                        "--callback-allow", "127.0.0.1/32", "--tls-ca-file", ca.ca.string()});
  unsetenv("PARTING_CALLBACK_SECRET");
  REQUIRE_MESSAGE(server.running(), server.Log());
  const HttpResult created = Call(server.port(), "POST", "/v1/jobs", BatchBody(1),
                                  {{"Parting-Callback-Url", receiver.url()}});
  REQUIRE_MESSAGE(created.status == 202, created.body);
  const std::string id = Json(created.body)->getValue<std::string>("id");
  WaitForJob(server.port(), id);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (receiver.Calls().empty() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const auto calls = receiver.Calls();
  REQUIRE(calls.size() == 1);
  const std::string body = calls[0]->getValue<std::string>("body");
  CHECK(Json(body)->getValue<std::string>("status") == "done");
  const std::string signature = calls[0]->getValue<std::string>("signature");
  const std::size_t comma = signature.find(",v1=");
  REQUIRE(comma != std::string::npos);
  CHECK(signature.substr(comma + 4) ==
        jobs::HmacSha256Hex("test-secret", signature.substr(2, comma - 2) + "." + body));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the record follows the answer
  auto attempts = Json(Call(server.port(), "GET", "/v1/jobs/" + id).body)
                      ->getObject("callback")
                      ->getArray("attempts");
  REQUIRE(attempts->size() == 1);
  CHECK(attempts->getObject(0)->getValue<std::string>("status") == "204");
}

}  // namespace
}  // namespace parting::testing
