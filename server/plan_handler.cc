#include "server/handlers.h"
#include "server/problem.h"
#include "server/render_job.h"

namespace parting::server {

PlanHandler::PlanHandler(const ServiceContext& context)
    : EndpointHandler("/v1/letters/plan"), context_(context) {}

HttpReply PlanHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  JsonBody body = ReadJsonBody(request, context_.max_body_bytes);
  if (!body.text) return body.problem;
  auto text = std::make_shared<const std::string>(std::move(*body.text));
  auto plan = RunRenderJob<Result<std::string>>(
      context_, [engine = context_.engine, text] { return engine->PlanJson(*text); });
  if (!plan.value) return plan.problem;
  if (!plan.value->ok()) return StatusReply(plan.value->status());
  HttpReply reply;
  reply.content_type = "application/json";
  reply.body = std::move(*plan.value).value();
  return reply;
}

}  // namespace parting::server
