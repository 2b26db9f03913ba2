// What the job route tests share: HTTP with extra headers, a batch body of
// sample requests (e-mailed ones too), the store flags, waiting for a job to end, and a `parting
// worker` child.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "integration/service_harness.h"
#include "test_support.h"

namespace parting::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

inline HttpResult Call(std::uint16_t port, const std::string& method, const std::string& uri,
                       const std::string& body = "", const Headers& headers = {},
                       const std::string& content_type = "application/json") {
  return Send(port, {method, uri, body, method == "POST" ? content_type : "", false, headers});
}

inline Poco::JSON::Object::Ptr Json(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

/// A JSON array of `count` sample letters (languages in turn) with `bad`
/// invalid requests at the given positions. No German: its hyphenation
/// patterns take each new process seconds to load, which these tests do not
/// need to wait for (the batch tests cover German letters).
inline std::string BatchBody(int count, const std::vector<int>& bad = {}) {
  const char* languages[] = {"en", "pt", "pl", "en"};
  std::string body = "[";
  for (int i = 0; i < count; ++i) {
    if (i > 0) body += ",\n";
    if (std::find(bad.begin(), bad.end(), i) != bad.end()) {
      body += R"({"language":"en","sender":{}})";
    } else {
      body += SampleRequest(languages[i % 4]);
    }
  }
  return body + "]";
}

/// `count` English letters, each e-mailed to "<tag>-<i>@client.example".
inline std::string MailBody(int count, const std::string& tag) {
  std::string body = "[";
  for (int i = 0; i < count; ++i) {
    auto request = Json(SampleRequest("en"));
    Poco::JSON::Object::Ptr email = new Poco::JSON::Object;
    email->set("to", tag + "-" + std::to_string(i) + "@client.example");
    Poco::JSON::Object::Ptr delivery = new Poco::JSON::Object;
    delivery->set("email", email);
    request->set("delivery", delivery);
    std::ostringstream text;
    Poco::JSON::Stringifier::stringify(request, text);
    body += (i > 0 ? "," : "") + text.str();
  }
  return body + "]";
}

/// Serve and worker flags that keep the job store at `location`.
inline std::vector<std::string> StoreFlags(const std::string& location) {
  if (location.starts_with("sqlite:"))
    return {"--data-dir", std::filesystem::path(location.substr(7)).parent_path().string()};
  return {"--database", location};
}

/// `flags` followed by `more`.
inline std::vector<std::string> With(std::vector<std::string> flags,
                                     const std::vector<std::string>& more) {
  flags.insert(flags.end(), more.begin(), more.end());
  return flags;
}

/// Polls GET /v1/jobs/{id} until the job has ended (done or cancelled).
inline Poco::JSON::Object::Ptr WaitForJob(std::uint16_t port, const std::string& id,
                                          int seconds = 120) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (true) {
    const HttpResult result = Call(port, "GET", "/v1/jobs/" + id);
    REQUIRE(result.status == 200);
    auto job = Json(result.body);
    const std::string status = job->getValue<std::string>("status");
    if (status == "done" || status == "cancelled") return job;
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline,
                    "job did not end: " << result.body);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

/// `parting worker …` as a child process, its output in a file.
class WorkerProcess {
 public:
  explicit WorkerProcess(const std::vector<std::string>& extra_args) {
    dir_ = TempDir("parting_worker_");
    log_ = dir_ / "stderr.log";
    std::vector<std::string> args = {PartingBinary().string(), "worker", "--root",
                                     ResourceRoot().string()};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      if (!std::freopen(log_.c_str(), "w", stderr)) _exit(127);
      dup2(STDERR_FILENO, STDOUT_FILENO);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~WorkerProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  /// SIGKILL: no chance to finish anything.
  void KillHard() {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  /// SIGTERM and wait; the exit status.
  int Terminate() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string Log() const { return ReadFile(log_); }

 private:
  std::filesystem::path dir_, log_;
  pid_t pid_ = -1;
};

}  // namespace parting::testing
