// HTTP framing at the real server over raw sockets: requests that could be
// framed two ways (RFC 9112 section 6) are refused with 400 and their
// connection closed, so that no request can hide behind another; and a body
// over the limit, sent whole before the client reads, still lets the client
// read its 413 (the server lingers and drains instead of resetting).
#include <doctest/doctest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "integration/service_harness.h"
#include "robustness/raw_client.h"

namespace parting::testing {
namespace {

using std::chrono::seconds;

ServerProcess& Server() {
  static ServerProcess server;
  REQUIRE(server.running());
  return server;
}

// A smuggling attempt: the first request's framing, then a second request
// that a parser reading the other framing would serve.
RawReply Smuggle(const std::string& framing_headers, const std::string& body, bool* closed) {
  RawConnection connection(Server().port());
  connection.Send(
      "POST /v1/letters/plan HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" +
      framing_headers + "\r\n" + body + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  RawReply reply = connection.Read(seconds(5));
  *closed = connection.ClosedWithin(seconds(10));
  return reply;
}

}  // namespace

TEST_CASE("ambiguous framing is refused with 400 and the connection closed") {
  bool closed = false;
  SUBCASE("Content-Length and Transfer-Encoding together") {
    const RawReply reply =
        Smuggle("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n", &closed);
    CHECK(reply.status == 400);
    CHECK(reply.body.find("Transfer-Encoding") != std::string::npos);
  }
  SUBCASE("two different Content-Lengths") {
    const RawReply reply = Smuggle("Content-Length: 2\r\nContent-Length: 40\r\n", "{}", &closed);
    CHECK(reply.status == 400);
    CHECK(reply.body.find("Content-Length") != std::string::npos);
  }
  SUBCASE("a Content-Length that is no plain number") {
    const RawReply reply = Smuggle("Content-Length: +2\r\n", "{}", &closed);
    CHECK(reply.status == 400);
  }
  SUBCASE("a Transfer-Encoding other than chunked") {
    const RawReply reply = Smuggle("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n", &closed);
    CHECK(reply.status == 400);
  }
  CHECK(closed);
  // The service itself is unharmed.
  CHECK(Exchange(Server().port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status == 200);
}

TEST_CASE("a 12 MB body sent whole before reading still gets its 413") {
  const std::string body(12 << 20, ' ');
  auto connection = std::make_shared<RawConnection>(Server().port());
  const std::string head =
      "POST /v1/letters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n";
  // As a naive client does: write everything, and only then read.
  bool sent = false;
  std::thread sender([&] { sent = connection->Send(head) && connection->Send(body); });
  sender.join();
  CHECK(sent);
  const RawReply reply = connection->Read(seconds(10));
  CHECK(reply.status == 413);
  CHECK(reply.body.find("larger than") != std::string::npos);
}

}  // namespace parting::testing
