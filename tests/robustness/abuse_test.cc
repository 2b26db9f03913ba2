// The real `parting serve` under bad input and abusive clients: malformed
// JSON, invalid UTF-8, oversized bodies and headers, deep nesting, huge
// arrays, slowloris connections, wrong methods and non-HTTP bytes. Every
// answer must come quickly and be the right refusal, and afterwards the
// service must still be healthy and render a good letter.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "integration/service_harness.h"
#include "robustness/raw_client.h"

namespace parting::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using Clock = std::chrono::steady_clock;

// One server for the whole file: started on first use, stopped at exit.
ServerProcess& Server() {
  static ServerProcess server;
  REQUIRE(server.running());
  return server;
}

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string Post(const std::string& path, const std::string& body,
                 const std::string& content_type = "application/json") {
  return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + content_type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

RawReply PostRaw(const std::string& path, const std::string& body) {
  return Exchange(Server().port(), Post(path, body));
}

void CheckHealthy() {
  const auto start = Clock::now();
  const RawReply reply =
      Exchange(Server().port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", seconds(5));
  CHECK(reply.status == 200);
  CHECK(SecondsSince(start) < 2.0);
}

bool IsProblem(const RawReply& reply) {
  return reply.head.find("application/problem+json") != std::string::npos;
}

}  // namespace

TEST_CASE("malformed JSON gets 400 with a problem on both letter routes") {
  const std::string sample = SampleRequest("de");
  const std::vector<std::string> bodies = {
      sample.substr(0, sample.size() / 2),                       // truncated
      sample + "}",                                              // trailing brace
      sample + " garbage",                                       // trailing garbage
      "{\"language\": NaN}",                                     // NaN
      "{\"language\": Infinity}",                                // Infinity
      "{/* comment */ \"language\": \"de\"}",                    // block comment
      "// comment\n{\"language\": \"de\"}",                      // line comment
      "{'language': 'de'}",                                      // single quotes
      "{\"language\": \"de\",}",                                 // trailing comma
      "{language: \"de\"}",                                      // bare key
      "\xEF\xBB\xBF",                                            // BOM only
      "",                                                        // nothing
      "   \n\t ",                                                // white space only
      "{",                                                       // unclosed
      "[1, 2, 3]",                                               // not an object
      "\"de\"",                                                  // a string
      "null",                                                    // null
      "{\"language\": \"d\\e\"}",                                // bad escape
      "{\"language\": \"\\ud800\"}",                             // lone surrogate escape
      "{\"a\": 01}",                                             // leading zero
      "{\"a\": 1e99999}",                                        // out of range
      std::string("{\"language\": \"de\0\"}", 20),               // NUL in a string
  };
  for (const std::string path : {"/v1/letters", "/v1/letters/plan"}) {
    for (size_t i = 0; i < bodies.size(); ++i) {
      CAPTURE(path);
      CAPTURE(i);
      const RawReply reply = PostRaw(path, bodies[i]);
      CHECK(reply.status == 400);
      CHECK(IsProblem(reply));
    }
  }
  CheckHealthy();
}

TEST_CASE("invalid UTF-8 anywhere gets 400") {
  const std::string sample = SampleRequest("de");
  const size_t at = sample.find("Rahmenvertrag");
  REQUIRE(at != std::string::npos);
  const std::vector<std::string> bad = {
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong, three bytes
      "\xF0\x80\x80\xAF",  // overlong, four bytes
      "\xED\xA0\x80",      // UTF-16 surrogate
      "\xED\xBF\xBF",      // UTF-16 surrogate
      "\x80",              // lone continuation byte
      "\xBF\xBF",          // continuation bytes
      "\xE2\x82",          // truncated sequence
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xFE",              // never valid
      "\xFF",              // never valid
  };
  for (size_t i = 0; i < bad.size(); ++i) {
    CAPTURE(i);
    std::string body = sample;
    body.insert(at, bad[i]);
    const RawReply reply = PostRaw("/v1/letters", body);
    CHECK(reply.status == 400);
    CHECK(IsProblem(reply));
    CHECK(reply.body.find("UTF-8") != std::string::npos);
  }
  // In a key, too.
  std::string body = sample;
  body.insert(sample.find("\"language\"") + 1, "\xC3");
  CHECK(PostRaw("/v1/letters/plan", body).status == 400);
  CheckHealthy();
}

TEST_CASE("a 10 MB body is refused with 413 at once and the connection closed") {
  const std::string ten_mb(10 << 20, ' ');
  SUBCASE("declared by Content-Length: refused before it is sent") {
    const auto start = Clock::now();
    auto connection = std::make_shared<RawConnection>(Server().port());
    connection->Send("POST /v1/letters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: " + std::to_string(ten_mb.size()) + "\r\n\r\n");
    const RawReply reply = connection->Read(seconds(5));
    CHECK(reply.status == 413);
    std::string head = reply.head;
    std::transform(head.begin(), head.end(), head.begin(), [](unsigned char c) { return std::tolower(c); });
    CHECK(head.find("connection: close") != std::string::npos);
    CHECK(SecondsSince(start) < 2.0);
    // A client that sends the body anyway: the server reads a bounded part
    // of it (so the refusal is not lost to a reset), then closes.
    std::thread sender([connection, &ten_mb] { connection->Send(ten_mb); });
    CHECK(connection->ClosedWithin(seconds(10)));
    sender.join();
  }
  SUBCASE("chunked: refused once the limit is passed") {
    const auto start = Clock::now();
    auto connection = std::make_shared<RawConnection>(Server().port());
    connection->Send("POST /v1/letters/plan HTTP/1.1\r\nHost: x\r\n"
                     "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    std::thread sender([connection] {
      const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
      for (int i = 0; i < 160; ++i)  // 10 MB
        if (!connection->Send(chunk)) return;
      connection->Send("0\r\n\r\n");
    });
    const RawReply reply = connection->Read(seconds(20));
    CHECK(reply.status == 413);
    CHECK(connection->ClosedWithin(seconds(20)));
    sender.join();
    CHECK(SecondsSince(start) < 20.0);
  }
  CheckHealthy();
}

TEST_CASE("deep nesting gets 400 without exhausting the stack") {
  for (const std::string& opener : {std::string("["), std::string("{\"a\":")}) {
    CAPTURE(opener);
    std::string body;
    body.reserve(opener.size() * 100000);
    for (int i = 0; i < 100000; ++i) body += opener;
    const auto start = Clock::now();
    const RawReply reply = PostRaw("/v1/letters", body);
    CHECK(reply.status == 400);
    CHECK(SecondsSince(start) < 5.0);
    // Deep but closed, inside an otherwise valid request.
    std::string sample = SampleRequest("en");
    const size_t brace = sample.rfind('}');
    sample.insert(brace, ",\"x\":" + std::string(5000, '[') + std::string(5000, ']'));
    CHECK(PostRaw("/v1/letters/plan", sample).status == 400);
  }
  CheckHealthy();
}

TEST_CASE("huge arrays are refused in bounded time") {
  const std::string sample = SampleRequest("de");
  const size_t projects = sample.find("\"projects\"");
  REQUIRE(projects != std::string::npos);
  const size_t open = sample.find('[', projects);
  struct Case {
    const char* field;
    std::string item;
    int count;
  };
  const std::vector<Case> cases = {
      {"projects (100k, over the body limit)", "{\"name\":\"P\"},", 100000},
      {"projects (60k, under the body limit)", "{\"name\":\"P\"},", 60000},
      {"numbers (200k)", "0,", 200000},
  };
  for (const Case& c : cases) {
    CAPTURE(c.field);
    std::string body = sample;
    std::string items;
    items.reserve(c.item.size() * static_cast<size_t>(c.count));
    for (int i = 0; i < c.count; ++i) items += c.item;
    body.insert(open + 1, items);
    const auto start = Clock::now();
    const RawReply reply = PostRaw("/v1/letters", body);
    CHECK((reply.status == 413 || reply.status == 422 || reply.status == 400));
    CHECK(SecondsSince(start) < 10.0);
  }
  // Many handover lines or reasons, each small.
  std::string reasons = sample;
  const size_t at = reasons.find('[', reasons.find("\"reasons\""));
  std::string many;
  for (int i = 0; i < 50000; ++i) many += "\"time_drain\",";
  reasons.insert(at + 1, many);
  const auto start = Clock::now();
  const RawReply reply = PostRaw("/v1/letters/plan", reasons);
  CHECK((reply.status == 422 || reply.status == 413));
  CHECK(SecondsSince(start) < 10.0);
  CheckHealthy();
}

TEST_CASE("slowloris: slow clients are dropped and others still get answers") {
  const std::uint16_t port = Server().port();
  // The server's connection threads, from its start-up line.
  std::smatch threads_match;
  const std::string listen_line = Server().listen_line();
  REQUIRE(std::regex_search(listen_line, threads_match, std::regex("\\((\\d+) connection threads")));
  const int threads = std::stoi(threads_match[1]);
  const int slow_clients = 50;
  REQUIRE(slow_clients > threads);  // enough to take every thread

  // Half send their head a byte at a time and never finish it; half send a
  // complete head announcing a body that never comes.
  const std::string head = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " +
                           std::string(4000, 'a');
  std::vector<std::unique_ptr<RawConnection>> connections;
  for (int i = 0; i < slow_clients; ++i) {
    connections.push_back(std::make_unique<RawConnection>(port));
    if (i % 2 == 1)
      connections.back()->Send(
          "POST /v1/letters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          "Content-Length: 1000\r\n\r\n{\"language\":");
  }
  std::atomic<bool> stop{false};
  std::thread drip([&] {
    for (size_t byte = 0; byte < head.size() && !stop; ++byte) {
      for (int i = 0; i < slow_clients; i += 2) connections[i]->Send(head.substr(byte, 1));
      std::this_thread::sleep_for(milliseconds(100));
    }
  });
  // While they hang, other clients are served promptly.
  std::this_thread::sleep_for(milliseconds(500));
  for (int round = 0; round < 4; ++round) {
    CAPTURE(round);
    CheckHealthy();
    std::this_thread::sleep_for(milliseconds(300));
  }
  const RawReply plan = PostRaw("/v1/letters/plan", SampleRequest("de"));
  CHECK(plan.status == 200);
  stop = true;
  drip.join();
  // The server gave up on the slow clients it had to, to serve the others.
  int closed = 0;
  for (auto& connection : connections) closed += connection->ClosedWithin(milliseconds(20));
  CHECK(closed >= slow_clients - threads);
}

TEST_CASE("wrong methods get 405 with Allow on every route") {
  struct RouteMethods {
    std::string path;
    std::string allowed;
  };
  const std::vector<RouteMethods> routes = {
      {"/v1/letters", "POST"},   {"/v1/letters/plan", "POST"}, {"/v1/letters/batch", "POST"},
      {"/v1/languages", "GET"},  {"/v1/reasons", "GET"},       {"/healthz", "GET"},
  };
  for (const RouteMethods& route : routes) {
    for (const std::string method : {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
      if (method == route.allowed) continue;
      CAPTURE(route.path);
      CAPTURE(method);
      const std::string body = method == "GET" || method == "OPTIONS" ? "" : "{}";
      const RawReply reply =
          Exchange(Server().port(), method + " " + route.path +
                                        " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                                        "Content-Length: " + std::to_string(body.size()) +
                                        "\r\n\r\n" + body);
      CHECK(reply.status == 405);
      CHECK(reply.head.find("Allow: " + route.allowed) != std::string::npos);
    }
  }
  // The web form's files are GET only too.
  CHECK(Exchange(Server().port(), "DELETE / HTTP/1.1\r\nHost: x\r\n\r\n").status == 405);
  // A method nobody knows is refused, not served.
  const int brew = Exchange(Server().port(), "BREW /healthz HTTP/1.1\r\nHost: x\r\n\r\n").status;
  CHECK((brew == 400 || brew == 405 || brew == 501));
  CheckHealthy();
}

TEST_CASE("absurd headers and non-HTTP bytes are refused or dropped quickly") {
  const std::uint16_t port = Server().port();
  const auto refused_or_closed = [&](const std::string& bytes, const std::string& what) {
    CAPTURE(what);
    const auto start = Clock::now();
    const RawReply reply = Exchange(port, bytes, seconds(10));
    CHECK(!reply.timed_out);
    if (reply.status != 0) CHECK((reply.status == 400 || reply.status == 431 || reply.status == 414));
    CHECK(SecondsSince(start) < 5.0);
  };
  refused_or_closed("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100 << 10, 'a') +
                        "\r\n\r\n",
                    "one 100 KB header");
  std::string many = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 2000; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
  refused_or_closed(many + "\r\n", "2000 headers");
  refused_or_closed("GET /" + std::string(100 << 10, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
                    "a 100 KB request target");
  refused_or_closed(std::string(100 << 10, 'G') + "\r\n\r\n", "a 100 KB method");
  refused_or_closed("GET /healthz\r\n\r\n", "HTTP/0.9");
  refused_or_closed("GET /healthz HTTP/9.9\r\n\r\n", "HTTP/9.9");
  refused_or_closed(std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) +
                        std::string(500, '\0') + "\r\n\r\n",
                    "a TLS client hello");
  refused_or_closed("\r\n\r\n\r\n\r\n", "empty lines");
  refused_or_closed(std::string(4096, '\0'), "NUL bytes");
  refused_or_closed("POST /v1/letters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Content-Length: -5\r\n\r\n",
                    "a negative Content-Length");
  refused_or_closed(
      "POST /v1/letters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 99999999999999999999999\r\n\r\n",
      "an overflowing Content-Length");
  refused_or_closed("POST /v1/letters HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\n\r\nZZZZ\r\n{}\r\n0\r\n\r\n",
                    "a bad chunk size");
  CheckHealthy();
}

TEST_CASE("after all that: healthy, and the German sample renders a valid PDF") {
  CheckHealthy();
  const HttpResult pdf = PostJson(Server().port(), "/v1/letters", SampleRequest("de"));
  REQUIRE(pdf.status == 200);
  CHECK(pdf.content_type == "application/pdf");
  REQUIRE(pdf.body.starts_with("%PDF-"));
  const std::filesystem::path dir = TempDir("parting_abuse_");
  WriteFile(dir / "letter.pdf", pdf.body);
  int status = -1;
  const std::string output = RunCommand("qpdf --check '" + (dir / "letter.pdf").string() + "' 2>&1",
                                        &status);
  CAPTURE(output);
  CHECK(status == 0);
  std::filesystem::remove_all(dir);
  CHECK(Server().running());
}

}  // namespace parting::testing
