// The HTTP service end to end: the real binary, real sockets.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include "parting/request.h"
#include "service_harness.h"

namespace parting::testing {
namespace {

Poco::JSON::Object::Ptr Json(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

// Checks a problem+json reply and returns its errors' pointers.
std::vector<std::string> ProblemPointers(const HttpResult& result, int status) {
  CHECK(result.status == status);
  CHECK(result.content_type == "application/problem+json");
  CHECK(result.response.get("X-Content-Type-Options", "") == "nosniff");
  const auto problem = Json(result.body);
  CHECK(problem->getValue<int>("status") == status);
  CHECK(problem->has("type"));
  CHECK(problem->has("title"));
  CHECK(problem->has("detail"));
  std::vector<std::string> pointers;
  const auto errors = problem->getArray("errors");
  REQUIRE(errors);
  for (size_t i = 0; i < errors->size(); ++i)
    pointers.push_back(errors->getObject(i)->getValue<std::string>("pointer"));
  return pointers;
}

TEST_CASE("the service starts on loopback and answers the health check") {
  ServerProcess server;
  REQUIRE(server.running());
  CHECK(server.listen_line().find("http://127.0.0.1:") != std::string::npos);
  const HttpResult health = Get(server.port(), "/healthz");
  CHECK(health.status == 200);
  CHECK(health.content_type == "application/json");
  CHECK(Json(health.body)->getValue<std::string>("status") == "ok");
  CHECK(health.response.get("X-Content-Type-Options", "") == "nosniff");
  // One access line per request, with no path beyond the route pattern.
  CHECK(server.Stop() == 0);
  CHECK(server.Log().find(R"("method":"GET","route":"/healthz","status":200,)") != std::string::npos);
}

TEST_CASE("a second instance on a port in use exits 1 with \"address in use\"") {
  ServerProcess first;
  REQUIRE(first.running());
  // With SO_REUSEPORT the second would share the port and serve until
  // `timeout` stops it (status 124).
  int status = -1;
  const std::string log =
      RunCommand("timeout 20 " + PartingBinary().string() + " serve --port " +
                     std::to_string(first.port()) + " --root " + ResourceRoot().string() + " 2>&1",
                 &status);
  CHECK(status == 1);
  CHECK(log.find("address in use") != std::string::npos);
  CHECK(log.find("listening") == std::string::npos);
  CHECK(Get(first.port(), "/healthz").status == 200);
}

TEST_CASE("download names: transliterated for the letter's language, or chosen by the caller") {
  ServerProcess server;
  REQUIRE(server.running());
  const std::string german = SampleRequest("de");
  const HttpResult plain = PostJson(server.port(), "/v1/letters", german);
  CHECK(plain.status == 200);
  CHECK(plain.response.get("Content-Disposition", "") ==
        "attachment; filename=\"letter-mueller-soehne-ag-2026-11-22.pdf\"");
  const HttpResult chosen =
      PostJson(server.port(), "/v1/letters?filename=K%C3%BCndigung%20M%C3%BCller", german);
  CHECK(chosen.status == 200);
  CHECK(chosen.response.get("Content-Disposition", "") ==
        "attachment; filename=\"kuendigung-mueller.pdf\"; "
        "filename*=UTF-8''K%C3%BCndigung%20M%C3%BCller.pdf");
  const HttpResult refused =
      PostJson(server.port(), "/v1/letters?filename=..%2Fetc%2Fpasswd", german);
  CHECK(refused.status == 400);
  CHECK(refused.body.find("filename") != std::string::npos);
}

TEST_CASE("the service refuses to start with a broken template") {
  // A copy of the resources whose German letter skeleton opens a section it
  // never closes.
  const auto root = TempDir("parting_broken_root_");
  std::filesystem::copy(ResourceRoot() / "letter_templates", root / "letter_templates",
                        std::filesystem::copy_options::recursive);
  std::filesystem::create_directory_symlink(std::filesystem::canonical(ResourceRoot() / "fonts"),
                                            root / "fonts");
  std::filesystem::create_directory_symlink(std::filesystem::canonical(ResourceRoot() / "web"),
                                            root / "web");
  const auto skeleton = root / "letter_templates" / "de" / "letter.mustache";
  WriteFile(skeleton, ReadFile(skeleton) + "\n{{#never_closed}}\n");
  ServerProcess server({}, root);
  CHECK_FALSE(server.running());
  CHECK(server.exit_status() == 1);
  CHECK(server.Log().find("error: ") != std::string::npos);
  CHECK(server.Log().find("letter.mustache") != std::string::npos);
  CHECK(server.Log().find("listening") == std::string::npos);
  std::filesystem::remove_all(root);
}

TEST_CASE("the plan route computes the effective end date") {
  ServerProcess server;
  REQUIRE(server.running());
  const HttpResult plan = PostJson(server.port(), "/v1/letters/plan", SampleRequest("de"));
  REQUIRE(plan.status == 200);
  CHECK(plan.content_type == "application/json");
  const auto body = Json(plan.body);
  CHECK(body->getValue<std::string>("effective_end_date") == "2027-02-28");
  CHECK(body->has("derivation"));
  CHECK(body->has("warnings"));
  CHECK(plan.response.get("Cache-Control", "") == "no-store");
  // With a charset parameter the body is still JSON.
  const HttpResult with_charset = Send(
      server.port(),
      {"POST", "/v1/letters/plan", SampleRequest("de"), "application/json; charset=UTF-8", false});
  CHECK(with_charset.status == 200);
}

TEST_CASE("the plan route counts notice from the receipt date and gives receive_by") {
  ServerProcess server;
  REQUIRE(server.running());
  const HttpResult plan = PostJson(server.port(), "/v1/letters/plan", SampleRequest("de"));
  REQUIRE(plan.status == 200);
  const auto body = Json(plan.body);
  CHECK(body->getValue<std::string>("receipt_date") == "2026-11-22");
  CHECK(body->getValue<std::string>("receive_by") == "2026-11-30");
  CHECK(body->getValue<std::string>("receive_by_text").find("Zugang spätestens am 30. November "
                                                            "2026") != std::string::npos);
  CHECK(body->getValue<std::string>("derivation_text").find("zum Monatsende") !=
        std::string::npos);

  std::string later = SampleRequest("de");
  const std::string termination = "\"termination\": {";
  const size_t at = later.find(termination);
  REQUIRE(at != std::string::npos);
  later.insert(at + termination.size(), "\"receipt_date\": \"2026-12-01\", ");
  const HttpResult moved = PostJson(server.port(), "/v1/letters/plan", later);
  REQUIRE(moved.status == 200);
  CHECK(Json(moved.body)->getValue<std::string>("effective_end_date") == "2027-03-31");

  std::string early = SampleRequest("de");
  early.insert(early.find(termination) + termination.size(),
               "\"receipt_date\": \"2026-11-21\", ");
  for (const char* route : {"/v1/letters", "/v1/letters/plan"}) {
    CAPTURE(route);
    const auto pointers = ProblemPointers(PostJson(server.port(), route, early), 422);
    CHECK(pointers == std::vector<std::string>{"/termination/receipt_date"});
  }
}

TEST_CASE("invalid requests get problem+json with the right status and pointer") {
  ServerProcess server;
  REQUIRE(server.running());
  const std::uint16_t port = server.port();

  std::string bad_unit = SampleRequest("de");
  const size_t unit = bad_unit.find("\"months\"");
  REQUIRE(unit != std::string::npos);
  bad_unit.replace(unit, 8, "\"fortnights\"");
  for (const char* route : {"/v1/letters", "/v1/letters/plan"}) {
    CAPTURE(route);
    const auto pointers = ProblemPointers(PostJson(port, route, bad_unit), 422);
    CHECK(std::find(pointers.begin(), pointers.end(), "/contract/notice_period/unit") !=
          pointers.end());
    ProblemPointers(PostJson(port, route, "{\"language\": \"de\", "), 400);
    ProblemPointers(PostJson(port, route, "this is not JSON"), 400);
    ProblemPointers(Send(port, {"POST", route, SampleRequest("de"), "text/plain", false}), 415);
    ProblemPointers(Send(port, {"POST", route, SampleRequest("de"), "", false}), 415);
  }

  // A name in a script the letter cannot print: refused at validation.
  std::string han = SampleRequest("de");
  const size_t name = han.find("\"Thomas Müller\"");
  REQUIRE(name != std::string::npos);
  han.replace(name, std::string("\"Thomas Müller\"").size(), "\"山田太郎\"");
  CHECK(ProblemPointers(PostJson(port, "/v1/letters/plan", han), 422) ==
        std::vector<std::string>{"/recipient/name"});
  // An address the window cannot hold: refused by layout, before drawing.
  std::string tall = SampleRequest("de");
  const size_t address = tall.find("\"Leopoldstraße 5\"");
  REQUIRE(address != std::string::npos);
  tall.insert(address, "\"a\", \"b\", \"c\", \"d\", \"e\", ");
  CHECK(ProblemPointers(PostJson(port, "/v1/letters", tall), 422) ==
        std::vector<std::string>{"/recipient/address"});
}

TEST_CASE("a 422's title says what is wrong, in words, and keeps the pointers") {
  ServerProcess server;
  REQUIRE(server.running());
  const std::uint16_t port = server.port();
  std::string request = SampleRequest("de");
  const size_t unit = request.find("\"months\"");
  REQUIRE(unit != std::string::npos);
  request.replace(unit, 8, "\"fortnights\"");
  for (const char* route : {"/v1/letters", "/v1/letters/plan"}) {
    CAPTURE(route);
    const HttpResult one = PostJson(port, route, request);
    CHECK(ProblemPointers(one, 422) == std::vector<std::string>{"/contract/notice_period/unit"});
    const auto problem = Json(one.body);
    CHECK(problem->getValue<std::string>("type") ==
          "tag:parting.example,2026:problem:invalid-request");
    CHECK(problem->getValue<std::string>("title").starts_with(
        "Contract notice period unit must be one of "));
  }
  const size_t paper = request.find("\"A4\"");
  REQUIRE(paper != std::string::npos);
  request.replace(paper, 4, "\"A5\"");
  const HttpResult two = PostJson(port, "/v1/letters", request);
  const auto pointers = ProblemPointers(two, 422);
  REQUIRE(pointers.size() == 2);
  const std::string title = Json(two.body)->getValue<std::string>("title");
  CHECK_MESSAGE(title.starts_with("2 fields to correct, first: "), title);
  const std::string first = pointers.front() == "/options/paper" ? "paper must be one of "
                                                                 : "contract notice period unit";
  CHECK_MESSAGE(title.find(first) != std::string::npos, title);
}

TEST_CASE("bodies over the limit get 413, announced or counted") {
  ServerProcess server({"--max-body-bytes", "4096"});
  REQUIRE(server.running());
  const std::uint16_t port = server.port();
  const std::string big = "{\"language\":\"" + std::string(8000, 'x') + "\"}";

  ProblemPointers(PostJson(port, "/v1/letters", big), 413);
  // Chunked: no Content-Length, the server counts.
  ProblemPointers(Send(port, {"POST", "/v1/letters/plan", big, "application/json", true}), 413);
  // A huge announced length is refused before any of the body is sent.
  {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
    socket.setReceiveTimeout(Poco::Timespan(30, 0));
    const std::string head =
        "POST /v1/letters HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 100000000\r\n\r\n";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    char buffer[512] = {};
    const int n = socket.receiveBytes(buffer, sizeof buffer - 1);
    CHECK(std::string(buffer, n > 0 ? n : 0).starts_with("HTTP/1.1 413"));
  }
  // Within the limit, a body is read (here: a small invalid one, 422).
  CHECK(PostJson(port, "/v1/letters/plan", "{\"language\":\"de\"}").status == 422);
  // The service still answers afterwards.
  CHECK(Get(port, "/healthz").status == 200);
}

TEST_CASE("wrong methods and unknown routes") {
  ServerProcess server;
  REQUIRE(server.running());
  const std::uint16_t port = server.port();
  const HttpResult get_letters = Get(port, "/v1/letters");
  ProblemPointers(get_letters, 405);
  CHECK(get_letters.response.get("Allow", "") == "POST");
  const HttpResult post_health = PostJson(port, "/healthz", "{}");
  ProblemPointers(post_health, 405);
  CHECK(post_health.response.get("Allow", "") == "GET, HEAD");
  ProblemPointers(Get(port, "/nope"), 404);
  ProblemPointers(Get(port, "/v1/nope"), 404);
  ProblemPointers(PostJson(port, "/v1/letters/", SampleRequest("de")), 404);
}

TEST_CASE("files outside web/ are never served") {
  ServerProcess server;
  REQUIRE(server.running());
  const std::uint16_t port = server.port();
  const std::string passwd = ReadFile("/etc/passwd");
  const std::string first_line = passwd.substr(0, passwd.find('\n'));
  for (const char* uri :
       {"/../etc/passwd", "/../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/web/../../etc/passwd", "/..%5c..%5cetc%5cpasswd",
        "//etc/passwd", "/etc/passwd", "/%00index.html", "/../CMakeLists.txt",
        "/../letter_templates/de/samples/full.json", "/.gitignore"}) {
    CAPTURE(uri);
    const HttpResult result = Get(port, uri);
    CHECK((result.status == 404 || result.status == 400));
    CHECK(result.content_type == "application/problem+json");
    CHECK(result.body.find(first_line) == std::string::npos);
    CHECK(result.body.find("Thomas") == std::string::npos);
  }
}

TEST_CASE("the web form and its files are served with their types") {
  ServerProcess server;
  REQUIRE(server.running());
  const std::uint16_t port = server.port();
  const HttpResult page = Get(port, "/");
  REQUIRE(page.status == 200);
  CHECK(page.content_type == "text/html; charset=utf-8");
  CHECK(page.body == ReadFile(SourceDir() / "web" / "index.html"));
  CHECK(page.body.find("<form") != std::string::npos);
  const std::string csp = page.response.get("Content-Security-Policy", "");
  CHECK(csp.find("default-src 'none'") != std::string::npos);
  CHECK(csp.find("script-src 'self'") != std::string::npos);
  CHECK(csp.find("unsafe-inline") == std::string::npos);
  // The preview frames only the form's own blob: of the downloaded PDF.
  CHECK(csp.find("frame-src blob:;") != std::string::npos);
  CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
  CHECK(page.response.get("X-Content-Type-Options", "") == "nosniff");

  // The strict CSP holds only if the page has no inline script, style or
  // event handler attribute.
  CHECK_FALSE(std::regex_search(page.body, std::regex(R"(<script(?![^>]*\bsrc=)[^>]*>)")));
  CHECK_FALSE(std::regex_search(page.body, std::regex(R"(\sstyle\s*=)")));
  CHECK_FALSE(std::regex_search(page.body, std::regex(R"(\son[a-z]+\s*=)")));
  CHECK(page.body.find("https://") == std::string::npos);  // no CDN: works offline
  // Every control has a label that names it.
  const std::regex control(R"re(<(input|select|textarea)\b[^>]*\bid="([^"]+)")re");
  int controls = 0;
  for (auto it = std::sregex_iterator(page.body.begin(), page.body.end(), control);
       it != std::sregex_iterator(); ++it, ++controls) {
    const std::string id = (*it)[2];
    CAPTURE(id);
    CHECK(page.body.find("<label for=\"" + id + "\"") != std::string::npos);
  }
  CHECK(controls > 30);

  const HttpResult script = Get(port, "/app.js");
  CHECK(script.status == 200);
  CHECK(script.content_type == "text/javascript; charset=utf-8");
  const HttpResult style = Get(port, "/style.css");
  CHECK(style.status == 200);
  CHECK(style.content_type == "text/css; charset=utf-8");
}

TEST_CASE("languages and the localized reason catalog") {
  ServerProcess server;
  REQUIRE(server.running());
  const std::uint16_t port = server.port();

  const HttpResult languages = Get(port, "/v1/languages");
  REQUIRE(languages.status == 200);
  const auto list = Json(languages.body)->getArray("languages");
  REQUIRE(list);
  std::vector<std::string> codes;
  for (size_t i = 0; i < list->size(); ++i) {
    codes.push_back(list->getObject(i)->getValue<std::string>("code"));
    CHECK_FALSE(list->getObject(i)->getValue<std::string>("name").empty());
  }
  CHECK(codes == std::vector<std::string>{"en", "de", "pt", "pl", "th"});

  const HttpResult german = Get(port, "/v1/reasons?language=de");
  REQUIRE(german.status == 200);
  const auto reasons = Json(german.body)->getArray("reasons");
  REQUIRE(reasons);
  CHECK(reasons->size() == ReasonIds().size());
  const HttpResult english = Get(port, "/v1/reasons?language=en");
  REQUIRE(english.status == 200);
  // Localized: the German labels are not the English ones.
  CHECK(german.body != english.body);

  ProblemPointers(Get(port, "/v1/reasons?language=%zz"), 400);
  for (const char* uri : {"/v1/reasons?language=xx", "/v1/reasons", "/v1/reasons?lang=de"}) {
    CAPTURE(uri);
    const auto pointers = ProblemPointers(Get(port, uri), 422);
    CHECK(pointers == std::vector<std::string>{"/query/language"});
  }
}

}  // namespace
}  // namespace parting::testing
