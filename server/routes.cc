#include "server/routes.h"

#include <array>

namespace parting::server {
namespace {

struct Route {
  std::string_view method;
  std::string_view path;
  Endpoint endpoint;
};

// The one routing table. Paths below /v1/ and the health check are API
// routes; every other path is looked up in the web form's folder.
constexpr std::array kRoutes = {
    Route{"POST", "/v1/letters", Endpoint::kLetters},
    Route{"POST", "/v1/letters/plan", Endpoint::kPlan},
    Route{"POST", "/v1/letters/compare", Endpoint::kCompare},
    Route{"POST", "/v1/letters/batch", Endpoint::kBatch},
    Route{"GET", "/v1/languages", Endpoint::kLanguages},
    Route{"GET", "/v1/reasons", Endpoint::kReasons},
    Route{"GET", "/healthz", Endpoint::kHealth},
    Route{"GET", "/metrics", Endpoint::kMetrics},
    Route{"GET", "/v1/openapi.json", Endpoint::kOpenApi},
};
constexpr std::string_view kWebFormMethod = "GET";
constexpr std::string_view kWebFormName = "/*";

bool IsApiPath(std::string_view path) {
  return IsKeyedPath(path) || path == "/healthz" || path == "/metrics";
}

}  // namespace

bool IsKeyedPath(std::string_view path) { return path == "/v1" || path.starts_with("/v1/"); }

std::vector<RouteRow> ApiRoutes() {
  std::vector<RouteRow> rows;
  for (const Route& route : kRoutes) rows.push_back({route.method, route.path});
  return rows;
}

RouteMatch MatchRoute(std::string_view method, std::string_view path) {
  RouteMatch match;
  for (const Route& route : kRoutes) {
    if (route.path != path) continue;
    if (route.method == method) {
      match.outcome = RouteMatch::Outcome::kFound;
      match.endpoint = route.endpoint;
      match.name = route.path;
      match.allow.clear();
      return match;
    }
    match.outcome = RouteMatch::Outcome::kMethodNotAllowed;
    match.name = route.path;
    if (!match.allow.empty()) match.allow += ", ";
    match.allow += route.method;
  }
  if (match.outcome == RouteMatch::Outcome::kMethodNotAllowed || IsApiPath(path)) return match;
  match.name = kWebFormName;
  if (method == kWebFormMethod) {
    match.outcome = RouteMatch::Outcome::kFound;
    match.endpoint = Endpoint::kWebForm;
  } else {
    match.outcome = RouteMatch::Outcome::kMethodNotAllowed;
    match.allow = kWebFormMethod;
  }
  return match;
}

}  // namespace parting::server
