#include "server/batch_handler.h"

#include <thread>

#include "batch/archive.h"
#include "batch/download_name.h"
#include "batch/items.h"
#include "server/access_log.h"
#include "server/handlers.h"
#include "server/problem.h"
#include "server/request_body.h"

namespace parting::server {
namespace {

using batch::BatchItemText;

constexpr std::string_view kArchiveName = "letters.zip";

}  // namespace

BatchHandler::BatchHandler(const ServiceContext& context)
    : EndpointHandler("/v1/letters/batch"), context_(context) {}

HttpReply BatchHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  const BatchSettings& settings = context_.batch;
  const bool json_lines = batch::IsJsonLinesContentType(request.getContentType());
  JsonBody body = ReadBody(
      request, settings.max_body_bytes, json_lines || IsJsonContentType(request.getContentType()),
      "a batch must be sent as application/json (an array) or application/x-ndjson (UTF-8)");
  if (!body.text) return body.problem;

  // The items are views into the body: both live on in the streaming writer.
  auto text = std::make_shared<const std::string>(std::move(*body.text));
  auto items = std::make_shared<std::vector<BatchItemText>>();
  if (json_lines) {
    *items = batch::SplitJsonLines(*text);
  } else {
    Result<std::vector<BatchItemText>> split = batch::SplitJsonArray(*text);
    if (!split.ok()) return StatusReply(split.status());
    *items = std::move(*split);
  }
  if (items->empty()) return ProblemReply(422, "the batch holds no requests");
  if (items->size() > settings.max_items)
    return ProblemReply(413, "the batch holds " + std::to_string(items->size()) +
                                 " requests; the limit is " + std::to_string(settings.max_items) +
                                 " (--max-batch-items)");

  // Admission: a slot for the whole batch, held until its archive is
  // written (or the reply is dropped), released by the guard's deleter.
  if (settings.running->fetch_add(1) >= settings.max_concurrent) {
    settings.running->fetch_sub(1);
    HttpReply busy = ProblemReply(
        503, "the server is already rendering " + std::to_string(settings.max_concurrent) +
                 " batch(es) (--max-concurrent-batches); retry after a few seconds");
    busy.headers.emplace_back("Retry-After", "5");
    return busy;
  }
  std::shared_ptr<void> slot(nullptr,
                             [running = settings.running](void*) { running->fetch_sub(1); });

  HttpReply reply;
  reply.content_type = "application/zip";
  reply.headers.emplace_back("Content-Disposition",
                             batch::AttachmentDisposition(std::string(kArchiveName)));
  const std::size_t jobs =
      settings.jobs > 0 ? settings.jobs : std::max(1u, std::thread::hardware_concurrency());
  reply.stream = [engine = context_.engine, notes = settings.cover_notes, text, items, jobs,
                  slot](std::ostream& out) {
    batch::ArchiveOptions options;
    options.jobs = jobs;
    const batch::ArchiveResult result =
        batch::WriteBatchArchive(*engine, *notes, *items, options, out);
    if (!result.status.ok()) LogServerMessage("/v1/letters/batch: " + result.status.message());
  };
  return reply;
}

}  // namespace parting::server
