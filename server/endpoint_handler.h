// EndpointHandler: the edge every route handler shares.
//
// A route handler implements Handle() and returns an HttpReply. The edge
// catches whatever escapes it (a 500 problem, the cause only in the log),
// writes the reply with the headers every response carries
// (X-Content-Type-Options, Cache-Control, a restrictive CSP for API answers),
// closes the connection when a body was left unread, writes one access
// log line and counts the request in the metrics it was given. One instance
// per request (Poco creates it per request).
#pragma once

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "server/http_reply.h"

namespace parting::server {

class Metrics;

class EndpointHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit EndpointHandler(std::string_view route_name) : route_name_(route_name) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) final;

  /// Counts this request in `metrics` (which must outlive the handler).
  void CountIn(Metrics* metrics) { metrics_ = metrics; }

 protected:
  virtual HttpReply Handle(Poco::Net::HTTPServerRequest& request) = 0;

  /// The body of a POST that must be JSON, or the problem reply to send
  /// instead: 415 for another Content-Type, 413 above `max_bytes` (declared
  /// or counted).
  struct JsonBody {
    std::optional<std::string> text;
    HttpReply problem;  ///< when !text
  };
  JsonBody ReadJsonBody(Poco::Net::HTTPServerRequest& request, std::size_t max_bytes);
  /// ReadJsonBody() for a route that checks the Content-Type itself: 415
  /// with `type_problem` unless `type_accepted`.
  JsonBody ReadBody(Poco::Net::HTTPServerRequest& request, std::size_t max_bytes,
                    bool type_accepted, std::string_view type_problem);
  /// A check, safe to call from another thread while this request is being
  /// handled, that the client still has the connection open: false once it
  /// has closed or reset it (a request whose body is read leaves nothing
  /// else to read but a pipelined request or the end of the stream).
  static std::function<bool()> ClientWaits(Poco::Net::HTTPServerRequest& request);

 private:
  std::string_view route_name_;
  Metrics* metrics_ = nullptr;
  bool body_read_ = false;
  std::size_t bytes_in_ = 0;
};

/// Answers with a fixed problem: unknown routes (404), wrong methods (405 with
/// Allow), unreadable request targets (400).
class ProblemHandler : public EndpointHandler {
 public:
  ProblemHandler(std::string_view route_name, HttpReply reply)
      : EndpointHandler(route_name), reply_(std::move(reply)) {}

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest&) override { return reply_; }

 private:
  HttpReply reply_;
};

}  // namespace parting::server
