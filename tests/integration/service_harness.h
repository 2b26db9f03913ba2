// What the integration tests share: the real `parting serve` in a child
// process on a free port, killed when the guard goes out of scope (also when
// a check throws), and plain HTTP through Poco's client.
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace parting::testing {

/// The resource folder the tests serve: $PARTING_ROOT when set (as for the
/// binary itself), else the source tree.
inline std::filesystem::path ResourceRoot() {
  const char* root = std::getenv("PARTING_ROOT");
  return root && *root ? std::filesystem::path(root) : SourceDir();
}

/// `parting serve --port 0 …` as a child process. The constructor returns
/// once the server prints the address it listens on; the destructor stops it
/// (SIGTERM, then SIGKILL).
class ServerProcess {
 public:
  explicit ServerProcess(std::vector<std::string> extra_args = {},
                         std::filesystem::path root = ResourceRoot()) {
    log_dir_ = TempDir("parting_serve_");
    log_path_ = log_dir_ / "stderr.log";
    WriteFile(log_path_, "");
    std::vector<std::string> args = {
        PartingBinary().string(), "serve", "--port", "0", "--root", root.string()};
    args.insert(args.end(), extra_args.begin(), extra_args.end());
    pid_ = Spawn(args, log_path_);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline) {
      const std::string log = Log();
      const size_t at = log.find("listening on http://");
      if (at != std::string::npos && log.find('\n', at) != std::string::npos) {
        const size_t slash = log.find('/', at + 20);
        const size_t colon = log.rfind(':', slash);
        port_ = static_cast<std::uint16_t>(std::stoi(log.substr(colon + 1, slash - colon - 1)));
        listen_line_ = log.substr(at, log.find('\n', at) - at);
        return;
      }
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return;  // exited at start-up: callers check running() and Log()
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    throw std::runtime_error("parting serve did not start: " + Log());
  }

  ~ServerProcess() {
    Stop();
    std::error_code ignored;
    std::filesystem::remove_all(log_dir_, ignored);
  }

  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  std::uint16_t port() const { return port_; }
  /// The exit status when the server stopped (at start-up or by Stop()).
  std::optional<int> exit_status() const { return exit_status_; }
  const std::string& listen_line() const { return listen_line_; }
  std::string Log() const { return ReadFile(log_path_); }

  /// Sends SIGTERM and waits (SIGKILL after 10 s); returns the exit status.
  std::optional<int> Stop() {
    if (pid_ <= 0) return exit_status_;
    kill(pid_, SIGTERM);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    pid_ = -1;
    exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return exit_status_;
  }

 private:
  static pid_t Spawn(const std::vector<std::string>& args, const std::filesystem::path& log) {
    std::vector<char*> argv;
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
      FILE* out = std::freopen(log.c_str(), "w", stderr);
      if (!out) _exit(127);
      dup2(STDERR_FILENO, STDOUT_FILENO);
      execv(argv[0], argv.data());
      _exit(127);
    }
    return pid;
  }

  std::filesystem::path log_dir_;
  std::filesystem::path log_path_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::optional<int> exit_status_;
  std::string listen_line_;
};

struct HttpResult {
  int status = 0;
  std::string content_type;
  std::string body;
  Poco::Net::HTTPResponse response;  ///< all headers
};

struct HttpRequestSpec {
  std::string method = "GET";
  std::string uri = "/";
  std::string body;
  std::string content_type;
  bool chunked = false;
  std::vector<std::pair<std::string, std::string>> headers;  ///< extra request headers
};

/// One request on a fresh connection to 127.0.0.1:port.
inline HttpResult Send(std::uint16_t port, const HttpRequestSpec& spec) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(120, 0));
  Poco::Net::HTTPRequest request(spec.method, spec.uri, Poco::Net::HTTPMessage::HTTP_1_1);
  if (!spec.content_type.empty()) request.setContentType(spec.content_type);
  for (const auto& [name, value] : spec.headers) request.set(name, value);
  if (spec.chunked) {
    request.setChunkedTransferEncoding(true);
  } else if (!spec.body.empty() || spec.method == "POST") {
    request.setContentLength64(static_cast<Poco::Int64>(spec.body.size()));
  }
  std::ostream& out = session.sendRequest(request);
  out.write(spec.body.data(), static_cast<std::streamsize>(spec.body.size()));
  HttpResult result;
  std::istream& in = session.receiveResponse(result.response);
  Poco::StreamCopier::copyToString(in, result.body);
  result.status = result.response.getStatus();
  result.content_type = result.response.getContentType();
  return result;
}

inline HttpResult Get(std::uint16_t port, const std::string& uri) {
  return Send(port, {"GET", uri, "", "", false});
}

inline HttpResult PostJson(std::uint16_t port, const std::string& uri, const std::string& body) {
  return Send(port, {"POST", uri, body, "application/json", false});
}

inline std::string SampleRequest(const std::string& language) {
  return ReadFile(SourceDir() / "letter_templates" / language / "samples" / "full.json");
}

}  // namespace parting::testing
