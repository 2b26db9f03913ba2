#include "server/handlers.h"
#include "server/problem.h"

namespace parting::server {

PlanHandler::PlanHandler(const ServiceContext& context)
    : EndpointHandler("/v1/letters/plan"), context_(context) {}

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
