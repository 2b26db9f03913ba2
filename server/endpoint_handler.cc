#include "server/endpoint_handler.h"

#include <chrono>
#include <exception>

#include "server/access_log.h"
#include "server/problem.h"
#include "server/request_body.h"

namespace parting::server {
namespace {

// API answers are data, never documents: nothing may load or frame them.
constexpr std::string_view kApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

bool MayCarryBody(const Poco::Net::HTTPServerRequest& request) {
  if (request.getChunkedTransferEncoding()) return true;
  return request.hasContentLength() && request.getContentLength64() > 0;
}

void Write(const HttpReply& reply, Poco::Net::HTTPServerResponse& response) {
  response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  if (!reply.content_type.empty()) response.setContentType(reply.content_type);
  for (const auto& [name, value] : reply.headers) response.set(name, value);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  if (!response.has("Content-Security-Policy"))
    response.set("Content-Security-Policy", std::string(kApiContentSecurityPolicy));
  if (!response.has("Cache-Control")) response.set("Cache-Control", "no-store");
  response.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
  response.sendBuffer(reply.body.data(), reply.body.size());
}

}  // namespace

void EndpointHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                    Poco::Net::HTTPServerResponse& response) {
  const auto start = std::chrono::steady_clock::now();
  HttpReply reply;
  try {
    reply = Handle(request);
  } catch (const std::exception& e) {
    LogServerMessage(std::string(route_name_) + ": " + e.what());
    reply = ProblemReply(500, "the request could not be handled; the service log has details");
  } catch (...) {
    LogServerMessage(std::string(route_name_) + ": unknown exception");
    reply = ProblemReply(500, "the request could not be handled; the service log has details");
  }
  // An unread body would be taken for the next request on this connection.
  if (!body_read_ && MayCarryBody(request)) response.setKeepAlive(false);
  try {
    Write(reply, response);
  } catch (const std::exception& e) {
    LogServerMessage(std::string(route_name_) + ": reply not delivered: " + e.what());
  }
  const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
  LogAccess({request.getMethod(), route_name_, reply.status, elapsed.count(), bytes_in_,
             reply.body.size()});
}

EndpointHandler::JsonBody EndpointHandler::ReadJsonBody(Poco::Net::HTTPServerRequest& request,
                                                        std::size_t max_bytes) {
  const std::string limit = std::to_string(max_bytes);
  if (!IsJsonContentType(request.getContentType()))
    return {std::nullopt,
            ProblemReply(415, "the request body must be sent as application/json (UTF-8)")};
  const std::optional<std::int64_t> declared =
      request.hasContentLength() ? std::optional<std::int64_t>(request.getContentLength64())
                                 : std::nullopt;
  if (DeclaredLengthExceeds(declared, max_bytes))
    return {std::nullopt,
            ProblemReply(413, "the request body is larger than " + limit + " bytes")};
  // Without a length or chunking, HTTP/1.1 says there is no body; reading
  // Poco's stream would instead wait for the client to close.
  std::optional<std::string> body =
      declared || request.getChunkedTransferEncoding() ? ReadAtMost(request.stream(), max_bytes)
                                                       : std::optional<std::string>("");
  if (!body)
    return {std::nullopt,
            ProblemReply(413, "the request body is larger than " + limit + " bytes")};
  body_read_ = true;
  bytes_in_ = body->size();
  return {std::move(body), {}};
}

}  // namespace parting::server
