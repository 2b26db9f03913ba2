// A real SMTP server for the sending tests: Debian's aiosmtpd in the
// foreground on loopback, storing every message in a Maildir; plain, with
// STARTTLS (required by the server) or with TLS from the first byte.
#pragma once

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace parting::testing {

inline int FreePort() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  return socket.address().port();
}

class SmtpServer {
 public:
  enum class Tls { kNone, kStartTls, kImplicit };

  /// With kStartTls or kImplicit, `certificate` and `key` are the server's.
  explicit SmtpServer(Tls tls = Tls::kNone, const std::filesystem::path& certificate = {},
                      const std::filesystem::path& key = {})
      : dir_(TempDir("parting_smtp_")), port_(FreePort()), tls_(tls) {
    std::vector<std::string> args = {"python3",
                                     "-m",
                                     "aiosmtpd",
                                     "-n",
                                     "-l",
                                     "127.0.0.1:" + std::to_string(port_),
                                     "-c",
                                     "aiosmtpd.handlers.Mailbox",
                                     (dir_ / "maildir").string()};
    if (tls == Tls::kStartTls)
      args.insert(args.end(), {"--tlscert", certificate.string(), "--tlskey", key.string()});
    if (tls == Tls::kImplicit)
      args.insert(args.end(), {"--smtpscert", certificate.string(), "--smtpskey", key.string()});
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      if (!std::freopen((dir_ / "log").c_str(), "w", stderr)) _exit(127);
      execv("/usr/bin/python3", argv.data());
      _exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (true) {
      try {
        Poco::Net::StreamSocket probe(Poco::Net::SocketAddress("127.0.0.1", port_));
        break;
      } catch (const Poco::Exception&) {
        REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline,
                        "aiosmtpd did not start: " << ReadFile(dir_ / "log"));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  }
  ~SmtpServer() {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  int port() const { return port_; }
  /// The --smtp-url that reaches this server as it is set up.
  std::string url() const {
    const std::string address = "127.0.0.1:" + std::to_string(port_);
    if (tls_ == Tls::kImplicit) return "smtps://" + address;
    if (tls_ == Tls::kStartTls) return "smtp://" + address + "?starttls=required";
    return "smtp://" + address;
  }

  /// Every stored message's text.
  std::vector<std::string> Messages() const {
    std::vector<std::string> messages;
    for (const char* sub : {"new", "cur"}) {
      std::error_code error;
      for (const auto& file : std::filesystem::directory_iterator(dir_ / "maildir" / sub, error))
        messages.push_back(ReadFile(file.path()));
    }
    return messages;
  }

 private:
  std::filesystem::path dir_;
  int port_;
  Tls tls_;
  pid_t pid_ = -1;
};

}  // namespace parting::testing
