#include <Poco/URI.h>

#include <optional>

#include "batch/download_name.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/render_job.h"

namespace parting::server {
namespace {

// What a rendered letter's reply needs besides the PDF: the request is
// parsed once, and its language and file name come from the parsed values.
struct RenderedReply {
  std::string pdf;
  Language language = Language::kEn;
  std::string file_name;
};

}  // namespace

LetterHandler::LetterHandler(const ServiceContext& context)
    : EndpointHandler("/v1/letters"), context_(context) {}

HttpReply LetterHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  // ?filename=…: the name the caller wants the download saved under.
  std::optional<std::string> chosen_name;
  for (const auto& [key, value] : Poco::URI(request.getURI()).getQueryParameters()) {
    if (key != "filename") continue;
    auto name = batch::ChosenFileName(value);
    if (!name.ok()) return ProblemReply(400, name.status().errors().front().message);
    chosen_name = std::move(*name);
  }
  JsonBody body = ReadJsonBody(request, context_.max_body_bytes);
  if (!body.text) return body.problem;
  auto text = std::make_shared<const std::string>(std::move(*body.text));
  auto letter = RunRenderJob<Result<RenderedReply>>(
      context_,
      [engine = context_.engine, text]() -> Result<RenderedReply> {
        auto parsed = engine->ParseRequest(*text);
        if (!parsed.ok()) return parsed.status();
        auto pdf = engine->RenderRequest(*parsed);
        if (!pdf.ok()) return pdf.status();
        return RenderedReply{std::move(*pdf), parsed->language, batch::DownloadFileNameFor(*parsed)};
      },
      ClientWaits(request));
  if (!letter.value) return letter.problem;
  if (!letter.value->ok()) return StatusReply(letter.value->status());
  RenderedReply rendered = std::move(*letter.value).value();
  if (context_.metrics)
    context_.metrics->LetterRendered(LanguageCode(rendered.language), LetterSource::kLetter);
  HttpReply reply;
  reply.content_type = "application/pdf";
  reply.body = std::move(rendered.pdf);
  reply.headers.emplace_back(
      "Content-Disposition",
      chosen_name
          ? batch::AttachmentDisposition(batch::AsciiFileName(*chosen_name, rendered.language), *chosen_name)
          : batch::AttachmentDisposition(rendered.file_name));
  return reply;
}

}  // namespace parting::server
