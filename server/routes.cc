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
    Route{"GET", "/v1/capabilities", Endpoint::kCapabilities},
    Route{"GET", "/healthz", Endpoint::kHealth},
    Route{"HEAD", "/healthz", Endpoint::kHealth},
    Route{"GET", "/readyz", Endpoint::kReady},
    Route{"GET", "/metrics", Endpoint::kMetrics},
    Route{"GET", "/v1/openapi.json", Endpoint::kOpenApi},
    Route{"POST", "/v1/jobs", Endpoint::kJobCreate},
    Route{"GET", "/v1/jobs/{id}", Endpoint::kJobStatus},
    Route{"DELETE", "/v1/jobs/{id}", Endpoint::kJobCancel},
    Route{"GET", "/v1/jobs/{id}/manifest", Endpoint::kJobManifest},
    Route{"GET", "/v1/jobs/{id}/letters/{index}", Endpoint::kJobLetter},
    Route{"GET", "/v1/jobs/{id}/archive", Endpoint::kJobArchive},
    Route{"GET", "/v1/emails/unconfirmed", Endpoint::kUnconfirmedEmails},
    Route{"GET", "/v1/jobs/{id}/emails/unconfirmed", Endpoint::kJobUnconfirmedEmails},
    Route{"PUT", "/v1/jobs/{id}/emails/{index}/settlement", Endpoint::kEmailSettlement},
};
constexpr std::string_view kWebFormMethod = "GET";
constexpr std::string_view kWebFormName = "/*";

// True when `path` fits `pattern` segment by segment; a "{name}" segment
// takes any non-empty segment, whose value goes to `params`.
bool PathMatches(std::string_view pattern, std::string_view path,
                 std::vector<std::string>& params) {
  params.clear();
  while (!pattern.empty() && !path.empty()) {
    const std::size_t pattern_end = pattern.find('/', 1);
    const std::size_t path_end = path.find('/', 1);
    const std::string_view want = pattern.substr(0, pattern_end);
    const std::string_view have = path.substr(0, path_end);
    if (want.starts_with("/{") && want.ends_with("}")) {
      if (have.size() < 2) return false;
      params.emplace_back(have.substr(1));
    } else if (want != have) {
      return false;
    }
    pattern.remove_prefix(want.size());
    path.remove_prefix(have.size());
  }
  return pattern.empty() && path.empty();
}

bool IsApiPath(std::string_view path) {
  return IsKeyedPath(path) || path == "/healthz" || path == "/readyz" || path == "/metrics";
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
  std::vector<std::string> params;
  for (const Route& route : kRoutes) {
    if (!PathMatches(route.path, path, params)) continue;
    if (route.method == method) {
      match.outcome = RouteMatch::Outcome::kFound;
      match.endpoint = route.endpoint;
      match.name = route.path;
      match.allow.clear();
      match.params = std::move(params);
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
