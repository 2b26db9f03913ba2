#include "server/routes.h"

#include <doctest/doctest.h>

#include <string>

namespace parting::server {
namespace {

using Outcome = RouteMatch::Outcome;

TEST_CASE("every API route answers its method") {
  struct Row {
    const char* method;
    const char* path;
    Endpoint endpoint;
  };
  const Row rows[] = {
      {"POST", "/v1/letters", Endpoint::kLetters},
      {"POST", "/v1/letters/plan", Endpoint::kPlan},
      {"GET", "/v1/languages", Endpoint::kLanguages},
      {"GET", "/v1/reasons", Endpoint::kReasons},
      {"GET", "/healthz", Endpoint::kHealth},
      {"GET", "/", Endpoint::kWebForm},
      {"GET", "/metrics", Endpoint::kMetrics},
      {"GET", "/v1/openapi.json", Endpoint::kOpenApi},
      {"GET", "/app.js", Endpoint::kWebForm},
      {"GET", "/v1/capabilities", Endpoint::kCapabilities},
  };
  for (const Row& row : rows) {
    CAPTURE(row.path);
    const RouteMatch match = MatchRoute(row.method, row.path);
    CHECK(match.outcome == Outcome::kFound);
    CHECK(match.endpoint == row.endpoint);
  }
}

TEST_CASE("a wrong method gets 405 with the methods the path allows") {
  SUBCASE("GET on a POST route") {
    const RouteMatch match = MatchRoute("GET", "/v1/letters");
    CHECK(match.outcome == Outcome::kMethodNotAllowed);
    CHECK(match.allow == "POST");
    CHECK(match.name == "/v1/letters");
  }
  SUBCASE("POST on a GET route") {
    const RouteMatch match = MatchRoute("POST", "/healthz");
    CHECK(match.outcome == Outcome::kMethodNotAllowed);
    CHECK(match.allow == "GET, HEAD");
  }
  SUBCASE("HEAD on the health check, GET on readiness") {
    CHECK(MatchRoute("HEAD", "/healthz").endpoint == Endpoint::kHealth);
    CHECK(MatchRoute("HEAD", "/healthz").outcome == Outcome::kFound);
    CHECK(MatchRoute("GET", "/readyz").endpoint == Endpoint::kReady);
    CHECK(MatchRoute("HEAD", "/readyz").outcome == Outcome::kMethodNotAllowed);
  }
  SUBCASE("DELETE on the web form") {
    const RouteMatch match = MatchRoute("DELETE", "/index.html");
    CHECK(match.outcome == Outcome::kMethodNotAllowed);
    CHECK(match.allow == "GET");
  }
}

TEST_CASE("unknown API paths are not found, never looked up as files") {
  for (const char* path : {"/v1", "/v1/", "/v1/letters/", "/v1/nope", "/v1/letters/plan/x"}) {
    CAPTURE(path);
    CHECK(MatchRoute("GET", path).outcome == Outcome::kNotFound);
    CHECK(MatchRoute("POST", path).outcome == Outcome::kNotFound);
  }
}

TEST_CASE("API keys guard /v1/ only") {
  CHECK(IsKeyedPath("/v1/letters"));
  CHECK(IsKeyedPath("/v1/openapi.json"));
  CHECK(IsKeyedPath("/v1"));
  CHECK_FALSE(IsKeyedPath("/v10/letters"));
  CHECK_FALSE(IsKeyedPath("/healthz"));
  CHECK_FALSE(IsKeyedPath("/metrics"));
  CHECK_FALSE(IsKeyedPath("/"));
}

TEST_CASE("/metrics is never looked up as a web file") {
  CHECK(MatchRoute("POST", "/metrics").outcome == Outcome::kMethodNotAllowed);
}

TEST_CASE("the access log names the route pattern, not the path") {
  CHECK(MatchRoute("GET", "/some/private/name.html").name == "/*");
  CHECK(MatchRoute("GET", "/v1/unknown-thing").name == "(unknown)");
  CHECK(MatchRoute("GET", "/v1/reasons").name == "/v1/reasons");
}

}  // namespace
}  // namespace parting::server

namespace parting::server {
namespace {

TEST_CASE("job routes take their id and index from the path") {
  RouteMatch match = MatchRoute("POST", "/v1/jobs");
  CHECK(match.outcome == RouteMatch::Outcome::kFound);
  CHECK(match.endpoint == Endpoint::kJobCreate);
  CHECK(match.params.empty());

  match = MatchRoute("GET", "/v1/jobs/abc-123");
  CHECK(match.outcome == RouteMatch::Outcome::kFound);
  CHECK(match.endpoint == Endpoint::kJobStatus);
  CHECK(match.name == "/v1/jobs/{id}");
  CHECK(match.params == std::vector<std::string>{"abc-123"});

  match = MatchRoute("DELETE", "/v1/jobs/abc-123");
  CHECK(match.endpoint == Endpoint::kJobCancel);

  match = MatchRoute("GET", "/v1/jobs/abc/letters/7");
  CHECK(match.outcome == RouteMatch::Outcome::kFound);
  CHECK(match.endpoint == Endpoint::kJobLetter);
  CHECK(match.params == std::vector<std::string>{"abc", "7"});

  CHECK(MatchRoute("GET", "/v1/jobs/abc/manifest").endpoint == Endpoint::kJobManifest);
  CHECK(MatchRoute("GET", "/v1/jobs/abc/archive").endpoint == Endpoint::kJobArchive);

  CHECK(MatchRoute("GET", "/v1/emails/unconfirmed").endpoint == Endpoint::kUnconfirmedEmails);
  CHECK(MatchRoute("GET", "/v1/jobs/abc/emails/unconfirmed").endpoint ==
        Endpoint::kJobUnconfirmedEmails);
  match = MatchRoute("PUT", "/v1/jobs/abc/emails/3/settlement");
  CHECK(match.endpoint == Endpoint::kEmailSettlement);
  CHECK(match.params == std::vector<std::string>{"abc", "3"});
  const RouteMatch read = MatchRoute("GET", "/v1/jobs/abc/emails/3/settlement");
  CHECK(read.outcome == RouteMatch::Outcome::kMethodNotAllowed);
  CHECK(read.allow == "PUT");
}

TEST_CASE("a job path with an empty or extra segment is no route") {
  CHECK(MatchRoute("GET", "/v1/jobs/").outcome == RouteMatch::Outcome::kNotFound);
  CHECK(MatchRoute("GET", "/v1/jobs//manifest").outcome == RouteMatch::Outcome::kNotFound);
  CHECK(MatchRoute("GET", "/v1/jobs/a/letters/").outcome == RouteMatch::Outcome::kNotFound);
  CHECK(MatchRoute("GET", "/v1/jobs/a/archive/x").outcome == RouteMatch::Outcome::kNotFound);
  const RouteMatch wrong = MatchRoute("PUT", "/v1/jobs/a");
  CHECK(wrong.outcome == RouteMatch::Outcome::kMethodNotAllowed);
  CHECK(wrong.allow == "GET, DELETE");
  CHECK(MatchRoute("GET", "/v1/jobs").allow == "POST");
}

}  // namespace
}  // namespace parting::server
