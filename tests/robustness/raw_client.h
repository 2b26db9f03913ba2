// A raw TCP client for abusing the server: bytes exactly as given, replies
// read with a deadline, and whether the server closed the connection.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace parting::testing {

struct RawReply {
  int status = 0;      ///< 0 when no status line arrived
  std::string head;    ///< status line and headers
  std::string body;
  bool closed = false;  ///< the server closed (or reset) the connection
  bool timed_out = false;
};

class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port) {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      close(fd_);
      throw std::runtime_error("connect failed");
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  /// Writes all of `bytes`; false once the server has closed or reset.
  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t sent = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (sent < 0 && errno == EINTR) continue;
      if (sent <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(sent));
    }
    return true;
  }

  /// Reads one reply (head, then a Content-Length or chunked body, or up to
  /// the close), for at most `timeout`.
  RawReply Read(std::chrono::milliseconds timeout) {
    RawReply reply;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string data;
    size_t head_end = std::string::npos;
    while (true) {
      if (head_end == std::string::npos) {
        head_end = data.find("\r\n\r\n");
        if (head_end != std::string::npos) {
          reply.head = data.substr(0, head_end);
          if (reply.head.starts_with("HTTP/1.") && reply.head.size() >= 12)
            reply.status = std::atoi(reply.head.c_str() + 9);
        }
      }
      if (head_end != std::string::npos && Complete(reply.head, data.substr(head_end + 4))) break;
      const int wait = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                            deadline - std::chrono::steady_clock::now())
                                            .count());
      if (wait <= 0) {
        reply.timed_out = true;
        break;
      }
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, wait) <= 0) continue;
      char buffer[65536];
      const ssize_t got = recv(fd_, buffer, sizeof buffer, 0);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) {
        reply.closed = true;
        break;
      }
      data.append(buffer, static_cast<size_t>(got));
    }
    if (head_end != std::string::npos) {
      reply.body = data.substr(head_end + 4);
    } else if (reply.head.empty()) {
      reply.head = data;
    }
    return reply;
  }

  /// True when the server closes (or resets) the connection within
  /// `timeout`; anything it still sends is read and dropped.
  bool ClosedWithin(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buffer[65536];
      const ssize_t got = recv(fd_, buffer, sizeof buffer, 0);
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) return true;
    }
  }

 private:
  static std::string Header(const std::string& head, std::string name) {
    std::string lower;
    for (char c : head) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t at = lower.find("\r\n" + name + ":");
    if (at == std::string::npos) return "";
    const size_t start = at + name.size() + 3;
    const size_t end = head.find("\r\n", start);
    std::string value = head.substr(start, end == std::string::npos ? end : end - start);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    return value;
  }

  static bool Complete(const std::string& head, const std::string& body) {
    const std::string length = Header(head, "Content-Length");
    if (!length.empty()) return body.size() >= std::stoull(length);
    if (Header(head, "Transfer-Encoding").find("chunked") != std::string::npos)
      return body.ends_with("0\r\n\r\n");
    return false;  // up to the close
  }

  int fd_ = -1;
};

/// One request as raw bytes on a fresh connection; the reply within `timeout`.
inline RawReply Exchange(std::uint16_t port, std::string_view bytes,
                         std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  RawConnection connection(port);
  connection.Send(bytes);
  return connection.Read(timeout);
}

}  // namespace parting::testing
