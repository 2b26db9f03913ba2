#include "server/compare_handler.h"

#include "batch/download_name.h"
#include "server/problem.h"
#include "server/render_job.h"

namespace parting::server {

CompareHandler::CompareHandler(const ServiceContext& context)
    : EndpointHandler("/v1/letters/compare"), context_(context) {}

HttpReply CompareHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  JsonBody body = ReadJsonBody(request, context_.max_body_bytes);
  if (!body.text) return body.problem;
  auto text = std::make_shared<const std::string>(std::move(*body.text));
  auto pdf = RunRenderJob<Result<std::string>>(
      context_, [engine = context_.engine, text] { return engine->Compare(*text); });
  if (!pdf.value) return pdf.problem;
  if (!pdf.value->ok()) return StatusReply(pdf.value->status());
  HttpReply reply;
  reply.content_type = "application/pdf";
  reply.body = std::move(*pdf.value).value();
  reply.headers.emplace_back("Content-Disposition",
                             batch::AttachmentDisposition("letter-changes.pdf"));
  return reply;
}

}  // namespace parting::server
