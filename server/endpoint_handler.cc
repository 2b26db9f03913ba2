#include "server/endpoint_handler.h"

#include <Poco/CountingStream.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <exception>
#include <ostream>

#include "server/access_log.h"
#include "server/connection_guard.h"
#include "server/metrics.h"
#include "server/problem.h"
#include "server/request_body.h"
#include "server/request_id.h"

namespace parting::server {
namespace {

// How much of a refused body is read and dropped before the connection
// closes, and for how long (in all, and without a byte arriving).
constexpr std::size_t kMaxDiscardedBytes = 32 << 20;
constexpr auto kMaxLinger = std::chrono::seconds(5);
constexpr auto kMaxLingerSilence = std::chrono::seconds(1);

// API answers are data, never documents: nothing may load or frame them.
constexpr std::string_view kApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

bool MayCarryBody(const Poco::Net::HTTPServerRequest& request) {
  if (request.getChunkedTransferEncoding()) return true;
  return request.hasContentLength() && request.getContentLength64() > 0;
}

// Sends the reply; returns the bytes of its body (counted as they go out for
// a streamed reply, whose size is known only at the end).
std::size_t Write(const HttpReply& reply, Poco::Net::HTTPServerResponse& response) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status),
                              std::string(ReasonPhrase(reply.status)));
  if (!reply.content_type.empty()) response.setContentType(reply.content_type);
  for (const auto& [name, value] : reply.headers) response.set(name, value);
  response.set("X-Content-Type-Options", "nosniff");
  response.set("Referrer-Policy", "no-referrer");
  if (!response.has("Content-Security-Policy"))
    response.set("Content-Security-Policy", std::string(kApiContentSecurityPolicy));
  if (!response.has("Cache-Control")) response.set("Cache-Control", "no-store");
  if (reply.stream) {
    response.setChunkedTransferEncoding(true);
    std::ostream& out = response.send();
    // A failed write (the client went away) must reach the writer at once:
    // the counting stream would otherwise swallow it and count on.
    out.exceptions(std::ios::badbit);
    Poco::CountingOutputStream counted(out);
    reply.stream(counted);
    try {
      counted.flush();
      out.flush();
    } catch (const std::exception&) {
      // the writer has logged why; the count says how much went out
    }
    return static_cast<std::size_t>(counted.chars());
  }
  response.setContentLength64(static_cast<Poco::Int64>(reply.body.size()));
  // send() and an explicit flush, not sendBuffer(): the reply must be on the
  // wire before a refused body is drained, and sendBuffer() holds it back
  // until the handler returns.
  std::ostream& out = response.send();
  out.write(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
  out.flush();
  return reply.body.size();
}

// A lingering close, as nginx and Go do it: the reply is on the wire, so
// send FIN after it, then read and drop what the client is still sending
// (bounded in bytes and time) before the connection closes. Closing with
// unread bytes would reset the connection, and a reset can destroy the reply
// in the client's receive buffer before the client has read it.
void LingerAndDrain(Poco::Net::HTTPServerRequest& request) {
  auto* served = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  if (!served) return;
  Poco::Net::StreamSocket& socket = served->socket();
  socket.shutdownSend();
  const auto deadline = std::chrono::steady_clock::now() + kMaxLinger;
  std::array<char, 16384> buffer;
  std::size_t discarded = 0;
  while (discarded < kMaxDiscardedBytes) {
    const auto left = deadline - std::chrono::steady_clock::now();
    if (left <= std::chrono::steady_clock::duration::zero()) break;
    const auto wait = std::chrono::duration_cast<std::chrono::microseconds>(
        std::min<std::chrono::steady_clock::duration>(left, kMaxLingerSilence));
    if (!socket.poll(Poco::Timespan(wait.count()), Poco::Net::Socket::SELECT_READ)) break;
    const int received = socket.receiveBytes(buffer.data(), static_cast<int>(buffer.size()));
    if (received <= 0) break;
    discarded += static_cast<std::size_t>(received);
  }
}

}  // namespace

void EndpointHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                    Poco::Net::HTTPServerResponse& response) {
  const auto start = std::chrono::steady_clock::now();
  if (metrics_) metrics_->RequestStarted();
  const std::string request_id = RequestIdFor(request.get("X-Request-Id", ""));
  HttpReply reply;
  try {
    reply = Handle(request);
  } catch (const std::exception& e) {
    LogServerMessage(std::string(route_name_) + " (request " + request_id + "): " + e.what(),
                     "error");
    reply = ProblemReply(500, "the request could not be handled; the service log has details");
  } catch (...) {
    LogServerMessage(std::string(route_name_) + " (request " + request_id + "): unknown exception",
                     "error");
    reply = ProblemReply(500, "the request could not be handled; the service log has details");
  }
  // An unread body would be taken for the next request on this connection:
  // close it, after draining what the client is still sending (a close with
  // unread data resets the connection and can lose the reply in flight).
  const bool body_left = reply.close_connection || (!body_read_ && MayCarryBody(request));
  if (body_left) response.setKeepAlive(false);
  reply.headers.emplace_back("X-Request-Id", request_id);
  std::size_t bytes_out = 0;
  try {
    bytes_out = Write(reply, response);
    if (body_left) LingerAndDrain(request);
  } catch (const std::exception& e) {
    LogServerMessage(std::string(route_name_) + ": reply not delivered: " + e.what(), "warning");
  }
  const std::chrono::duration<double, std::milli> elapsed =
      std::chrono::steady_clock::now() - start;
  LogAccess({request.getMethod(), route_name_, reply.status, elapsed.count(), bytes_in_, bytes_out,
             request_id});
  if (metrics_) metrics_->RequestFinished(route_name_, reply.status, elapsed.count() / 1000);
}

std::function<bool()> EndpointHandler::ClientWaits(Poco::Net::HTTPServerRequest& request) {
  auto* served = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  if (!served) return nullptr;
  const int fd = served->socket().impl()->sockfd();
  return [fd] {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) return true;  // nothing happened: still there
    if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) return false;
    char byte;
    const ssize_t peeked = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return peeked > 0 ||
           (peeked < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR));
  };
}

EndpointHandler::JsonBody EndpointHandler::ReadJsonBody(Poco::Net::HTTPServerRequest& request,
                                                        std::size_t max_bytes) {
  return ReadBody(request, max_bytes, IsJsonContentType(request.getContentType()),
                  "the request body must be sent as application/json (UTF-8)");
}

EndpointHandler::JsonBody EndpointHandler::ReadBody(Poco::Net::HTTPServerRequest& request,
                                                    std::size_t max_bytes, bool type_accepted,
                                                    std::string_view type_problem) {
  const std::string limit = std::to_string(max_bytes);
  if (!type_accepted) return {std::nullopt, ProblemReply(415, type_problem)};
  const std::optional<std::int64_t> declared =
      request.hasContentLength() ? std::optional<std::int64_t>(request.getContentLength64())
                                 : std::nullopt;
  if (DeclaredLengthExceeds(declared, max_bytes))
    return {std::nullopt, ProblemReply(413, "the request body is larger than " + limit + " bytes")};
  // Without a length or chunking, HTTP/1.1 says there is no body; reading
  // Poco's stream would instead wait for the client to close.
  std::optional<std::string> body = declared || request.getChunkedTransferEncoding()
                                        ? ReadAtMost(request.stream(), max_bytes)
                                        : std::optional<std::string>("");
  if (!body)
    return {std::nullopt, ProblemReply(413, "the request body is larger than " + limit + " bytes")};
  body_read_ = true;
  ConnectionGuard::MarkWorking();  // the whole request is here
  bytes_in_ = body->size();
  return {std::move(body), {}};
}

}  // namespace parting::server
