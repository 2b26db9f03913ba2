// HttpReply: what a route handler answers, before it touches the socket.
//
// Handlers build an HttpReply; EndpointHandler (endpoint_handler.h) writes it,
// adds the headers every response carries and logs the request. Keeping the
// answer a plain value is what lets the routing and error paths be tested
// without a socket. Thread-compatible value.
#pragma once

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

  /// The value of header `name` (case-sensitive as set), "" when absent.
  std::string Header(const std::string& name) const {
    for (const auto& [key, value] : headers)
      if (key == name) return value;
    return {};
  }
};

}  // namespace parting::server
