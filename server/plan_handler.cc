#include "server/handlers.h"
#include "server/problem.h"

namespace parting::server {

PlanHandler::PlanHandler(const ServiceContext& context)
    : EndpointHandler("/v1/letters/plan"), context_(context) {}

// A plan takes a fraction of a millisecond: it runs on the connection thread,
// never behind letters on the render queue, so that it is answered while
// letters are queued (and never refused because they are).
HttpReply PlanHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  JsonBody body = ReadJsonBody(request, context_.max_body_bytes);
  if (!body.text) return body.problem;
  Result<std::string> plan = context_.engine->PlanJson(*body.text);
  if (!plan.ok()) return StatusReply(plan.status());
  HttpReply reply;
  reply.content_type = "application/json";
  reply.body = std::move(plan).value();
  return reply;
}

}  // namespace parting::server
