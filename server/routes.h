// The routing table of Parting's HTTP service: which endpoint answers a
// method and path, and what to say when none does.
//
// Every route is one row of the table in routes.cc. API paths match exactly,
// except that a "{name}" segment of a pattern matches any one non-empty
// segment (its value is kept in RouteMatch::params); any other path is a file of the web form (GET only), which the web form
// handler looks up below web/. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parting::server {

enum class Endpoint {
  kLetters,               ///< POST /v1/letters
  kPlan,                  ///< POST /v1/letters/plan
  kCompare,               ///< POST /v1/letters/compare
  kBatch,                 ///< POST /v1/letters/batch
  kLanguages,             ///< GET /v1/languages
  kReasons,               ///< GET /v1/reasons
  kCapabilities,          ///< GET /v1/capabilities
  kHealth,                ///< GET and HEAD /healthz
  kReady,                 ///< GET /readyz
  kMetrics,               ///< GET /metrics
  kOpenApi,               ///< GET /v1/openapi.json
  kJobCreate,             ///< POST /v1/jobs
  kJobStatus,             ///< GET /v1/jobs/{id}
  kJobCancel,             ///< DELETE /v1/jobs/{id}
  kJobManifest,           ///< GET /v1/jobs/{id}/manifest
  kJobLetter,             ///< GET /v1/jobs/{id}/letters/{index}
  kJobArchive,            ///< GET /v1/jobs/{id}/archive
  kUnconfirmedEmails,     ///< GET /v1/emails/unconfirmed
  kJobUnconfirmedEmails,  ///< GET /v1/jobs/{id}/emails/unconfirmed
  kEmailSettlement,       ///< PUT /v1/jobs/{id}/emails/{index}/settlement
  kWebForm,               ///< GET / and the files below web/
};

struct RouteMatch {
  enum class Outcome { kFound, kNotFound, kMethodNotAllowed };
  Outcome outcome = Outcome::kNotFound;
  Endpoint endpoint = Endpoint::kWebForm;  ///< when kFound
  /// The route's pattern, for the access log: never the raw path, which may
  /// carry anything a client typed.
  std::string_view name = "(unknown)";
  std::string allow;  ///< "GET" / "POST" / …, when kMethodNotAllowed
  /// The values of the pattern's "{name}" segments, in order.
  std::vector<std::string> params;
};

/// Matches a request. `path` is the decoded path without the query.
RouteMatch MatchRoute(std::string_view method, std::string_view path);

/// One row of the routing table, for checking the API description against it.
struct RouteRow {
  std::string_view method;
  std::string_view path;
};

/// Every API route (the web form's "/*" excepted), in table order.
std::vector<RouteRow> ApiRoutes();

/// True for paths under /v1/, which API keys guard when configured.
bool IsKeyedPath(std::string_view path);

}  // namespace parting::server
