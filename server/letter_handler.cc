#include "server/download_name.h"
#include "server/handlers.h"
#include "server/problem.h"

namespace parting::server {

LetterHandler::LetterHandler(const ServiceContext& context)
    : EndpointHandler("/v1/letters"), context_(context) {}

HttpReply LetterHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  JsonBody body = ReadJsonBody(request, context_.max_body_bytes);
  if (!body.text) return body.problem;
  Result<std::string> pdf = context_.engine->Render(*body.text);
  if (!pdf.ok()) return StatusReply(pdf.status());
  HttpReply reply;
  reply.content_type = "application/pdf";
  reply.body = std::move(pdf).value();
  reply.headers.emplace_back("Content-Disposition",
                             AttachmentDisposition(DownloadFileNameForRequest(*body.text)));
  return reply;
}

}  // namespace parting::server
