#include "server/request_router.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "server/batch_handler.h"
#include "server/compare_handler.h"
#include "server/framing.h"
#include "server/problem.h"
#include "server/routes.h"

namespace parting::server {
namespace {

bool HasAcceptedKey(const ApiKeys& keys, const Poco::Net::HTTPServerRequest& request) {
  const auto presented =
      ApiKeys::Presented(request.get("Authorization", ""), request.get("X-API-Key", ""));
  return presented && keys.Accepts(*presented);
}

HttpReply UnauthorizedReply() {
  HttpReply reply = ProblemReply(
      401, "this route needs an API key: send Authorization: Bearer KEY or X-API-Key: KEY");
  reply.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"parting\"");
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
  if (context_.api_keys.enabled() && IsKeyedPath(path) &&
      !HasAcceptedKey(context_.api_keys, request))
    return new ProblemHandler(match.name, UnauthorizedReply());
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
    case Endpoint::kReasons:
      return new ReasonsHandler(context_);
    case Endpoint::kHealth:
      return new HealthHandler();
    case Endpoint::kMetrics:
      return new MetricsHandler(context_);
    case Endpoint::kOpenApi:
      return new OpenApiHandler(context_);
    case Endpoint::kWebForm:
      return new WebFormHandler(context_);
  }
  return new ProblemHandler(match.name, ProblemReply(404, "there is no such route"));
}

}  // namespace parting::server
