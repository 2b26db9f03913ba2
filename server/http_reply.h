// HttpReply: what a route handler answers, before it touches the socket.
//
// Handlers build an HttpReply; EndpointHandler (endpoint_handler.h) writes it,
// adds the headers every response carries and logs the request. Keeping the
// answer a plain value is what lets the routing and error paths be tested
// without a socket. Thread-compatible value.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace parting::server {

struct HttpReply {
  int status = 200;
  std::string content_type;
  std::string body;
  /// Extra headers, in order (Allow, Content-Disposition, Cache-Control, …).
  std::vector<std::pair<std::string, std::string>> headers;
  /// When set, the body is written by this function while it is produced
  /// (chunked transfer encoding) and `body` is ignored: long answers such as
  /// a batch ZIP never sit in memory whole.
  std::function<void(std::ostream&)> stream;
  /// Close the connection after this reply (Connection: close), whether or
  /// not the request's body was read: for requests whose framing cannot be
  /// trusted, so that nothing after them is taken for a request.
  bool close_connection = false;

  /// The value of header `name` (case-sensitive as set), "" when absent.
  std::string Header(const std::string& name) const {
    for (const auto& [key, value] : headers)
      if (key == name) return value;
    return {};
  }
};

}  // namespace parting::server
