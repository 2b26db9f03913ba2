#include "server/request_router.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <optional>
#include <string_view>

#include "server/batch_handler.h"
#include "server/compare_handler.h"
#include "server/email_handlers.h"
#include "server/framing.h"
#include "server/job_handlers.h"
#include "server/problem.h"
#include "server/routes.h"

namespace parting::server {
namespace {

std::optional<std::string_view> PresentedKey(const Poco::Net::HTTPServerRequest& request) {
  return ApiKeys::Presented(request.get("Authorization", ""), request.get("X-API-Key", ""));
}

// RFC 6750 section 3: a request without a key gets the bare challenge; one
// whose key is wrong gets error="invalid_token".
HttpReply UnauthorizedReply(bool key_presented) {
  HttpReply reply = ProblemReply(
      401, key_presented
               ? "the API key is not valid"
               : "this route needs an API key: send Authorization: Bearer KEY or X-API-Key: KEY");
  reply.headers.emplace_back("WWW-Authenticate",
                             key_presented ? "Bearer realm=\"parting\", error=\"invalid_token\""
                                           : "Bearer realm=\"parting\"");
  return reply;
}

}  // namespace

Poco::Net::HTTPRequestHandler* RequestRouter::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
  EndpointHandler* handler = CreateEndpointHandler(request);
  handler->CountIn(context_.metrics);
  return handler;
}

EndpointHandler* RequestRouter::CreateEndpointHandler(
    const Poco::Net::HTTPServerRequest& request) {
  if (const auto problem = FramingProblem(request)) {
    HttpReply reply = ProblemReply(400, *problem);
    reply.close_connection = true;
    return new ProblemHandler("(framing)", std::move(reply));
  }
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::SyntaxException&) {
    return new ProblemHandler("(unknown)",
                              ProblemReply(400, "the request target is not a valid URI"));
  }
  const RouteMatch match = MatchRoute(request.getMethod(), path);
  if (context_.ops_only && path != "/healthz" && path != "/readyz" && path != "/metrics")
    return new ProblemHandler(
        "(unknown)", ProblemReply(404, "this port serves only /healthz, /readyz and /metrics"));
  if (context_.api_keys.enabled() && IsKeyedPath(path)) {
    const auto presented = PresentedKey(request);
    if (!presented || !context_.api_keys.Accepts(*presented))
      return new ProblemHandler(match.name, UnauthorizedReply(presented.has_value()));
  }
  switch (match.outcome) {
    case RouteMatch::Outcome::kNotFound:
      return new ProblemHandler(match.name, ProblemReply(404, "there is no such route"));
    case RouteMatch::Outcome::kMethodNotAllowed: {
      HttpReply reply = ProblemReply(405, "this route answers only " + match.allow);
      reply.headers.emplace_back("Allow", match.allow);
      return new ProblemHandler(match.name, std::move(reply));
    }
    case RouteMatch::Outcome::kFound:
      break;
  }
  switch (match.endpoint) {
    case Endpoint::kLetters:
      return new LetterHandler(context_);
    case Endpoint::kPlan:
      return new PlanHandler(context_);
    case Endpoint::kCompare:
      return new CompareHandler(context_);
    case Endpoint::kBatch:
      return new BatchHandler(context_);
    case Endpoint::kLanguages:
      return new LanguagesHandler(context_);
    case Endpoint::kCapabilities:
      return new CapabilitiesHandler(context_);
    case Endpoint::kReasons:
      return new ReasonsHandler(context_);
    case Endpoint::kHealth:
      return new HealthHandler();
    case Endpoint::kReady:
      return new ReadyHandler(context_);
    case Endpoint::kMetrics:
      return new MetricsHandler(context_);
    case Endpoint::kOpenApi:
      return new OpenApiHandler(context_);
    case Endpoint::kWebForm:
      return new WebFormHandler(context_);
    case Endpoint::kJobCreate:
      return new JobHandler(context_, JobHandler::Route::kCreate, match.name, match.params);
    case Endpoint::kJobStatus:
      return new JobHandler(context_, JobHandler::Route::kStatus, match.name, match.params);
    case Endpoint::kJobCancel:
      return new JobHandler(context_, JobHandler::Route::kCancel, match.name, match.params);
    case Endpoint::kJobManifest:
      return new JobHandler(context_, JobHandler::Route::kManifest, match.name, match.params);
    case Endpoint::kJobLetter:
      return new JobHandler(context_, JobHandler::Route::kLetter, match.name, match.params);
    case Endpoint::kJobArchive:
      return new JobHandler(context_, JobHandler::Route::kArchive, match.name, match.params);
    case Endpoint::kUnconfirmedEmails:
      return new UnconfirmedEmailHandler(context_, UnconfirmedEmailHandler::Route::kListAll,
                                         match.name, match.params);
    case Endpoint::kJobUnconfirmedEmails:
      return new UnconfirmedEmailHandler(context_, UnconfirmedEmailHandler::Route::kListJob,
                                         match.name, match.params);
    case Endpoint::kEmailSettlement:
      return new UnconfirmedEmailHandler(context_, UnconfirmedEmailHandler::Route::kSettle,
                                         match.name, match.params);
  }
  return new ProblemHandler(match.name, ProblemReply(404, "there is no such route"));
}

}  // namespace parting::server
