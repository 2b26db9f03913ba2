// The operational routes: readiness, metrics and the API description.
#include "jobs/job_metrics.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/render_queue.h"

namespace parting::server {

ReadyHandler::ReadyHandler(const ServiceContext& context)
    : EndpointHandler("/readyz"), context_(context) {}

HttpReply ReadyHandler::Handle(Poco::Net::HTTPServerRequest&) {
  HttpReply reply;
  reply.content_type = "application/json";
  if (!context_.ready || context_.ready->load(std::memory_order_acquire)) {
    reply.body = R"({"status":"ready"})";
    return reply;
  }
  reply.status = 503;
  reply.body = R"({"status":"starting","detail":"the hyphenation dictionaries are loading"})";
  reply.headers.emplace_back("Retry-After", "1");
  return reply;
}

MetricsHandler::MetricsHandler(const ServiceContext& context)
    : EndpointHandler("/metrics"), context_(context) {}

HttpReply MetricsHandler::Handle(Poco::Net::HTTPServerRequest&) {
  if (!context_.metrics) return ProblemReply(404, "this service keeps no metrics");
  QueueGauges queue;
  if (context_.render_queue) {
    queue.depth = context_.render_queue->depth();
    queue.capacity = context_.render_queue->capacity();
    queue.workers = context_.render_queue->workers();
    queue.busy = context_.render_queue->busy();
  }
  HttpReply reply;
  reply.content_type = "text/plain; version=0.0.4; charset=utf-8";
  reply.body =
      context_.metrics->Exposition(queue) + ProcessExposition(ReadProcessGauges(), PARTING_VERSION);
  if (context_.job_store) reply.body += jobs::JobsExposition(*context_.job_store);
  return reply;
}

OpenApiHandler::OpenApiHandler(const ServiceContext& context)
    : EndpointHandler("/v1/openapi.json"), context_(context) {}

HttpReply OpenApiHandler::Handle(Poco::Net::HTTPServerRequest&) {
  if (context_.openapi_json.empty())
    return ProblemReply(404, "the API description (docs/openapi.json) is not installed");
  HttpReply reply;
  reply.content_type = "application/json";
  reply.body = context_.openapi_json;
  reply.headers.emplace_back("Cache-Control", "public, max-age=300");
  return reply;
}

}  // namespace parting::server
