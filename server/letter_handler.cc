#include <Poco/JSON/Parser.h>

#include "server/download_name.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/render_job.h"

namespace parting::server {
namespace {

// The language of a request that rendered (so it parses and names one).
std::string LetterLanguage(const std::string& request_json) {
  try {
    const auto object =
        Poco::JSON::Parser().parse(request_json).extract<Poco::JSON::Object::Ptr>();
    return object->optValue<std::string>("language", "");
  } catch (const Poco::Exception&) {
    return "";
  }
}

}  // namespace

LetterHandler::LetterHandler(const ServiceContext& context)
    : EndpointHandler("/v1/letters"), context_(context) {}

HttpReply LetterHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  JsonBody body = ReadJsonBody(request, context_.max_body_bytes);
  if (!body.text) return body.problem;
  auto text = std::make_shared<const std::string>(std::move(*body.text));
  auto pdf = RunRenderJob<Result<std::string>>(
      context_, [engine = context_.engine, text] { return engine->Render(*text); });
  if (!pdf.value) return pdf.problem;
  if (!pdf.value->ok()) return StatusReply(pdf.value->status());
  if (context_.metrics) context_.metrics->LetterRendered(LetterLanguage(*text));
  HttpReply reply;
  reply.content_type = "application/pdf";
  reply.body = std::move(*pdf.value).value();
  reply.headers.emplace_back("Content-Disposition",
                             AttachmentDisposition(DownloadFileNameForRequest(*text)));
  return reply;
}

}  // namespace parting::server
