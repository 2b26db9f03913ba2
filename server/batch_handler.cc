#include "server/batch_handler.h"

#include <Poco/Net/HTTPServerRequestImpl.h>

#include <optional>
#include <thread>

#include "batch/archive.h"
#include "batch/download_name.h"
#include "batch/items.h"
#include "server/access_log.h"
#include "server/handlers.h"
#include "server/metrics.h"
#include "server/problem.h"
#include "server/render_queue.h"
#include "server/request_body.h"

namespace parting::server {
namespace {

using batch::BatchEntry;
using batch::BatchItemText;

constexpr std::string_view kArchiveName = "letters.zip";
constexpr std::string_view kRoute = "/v1/letters/batch";
// How long a letter of a batch waits before it asks a full queue again.
constexpr auto kQueueRetry = std::chrono::milliseconds(20);

// Everything one streaming batch needs, kept alive by the reply's stream.
struct BatchRun {
  std::shared_ptr<const Engine> engine;
  std::shared_ptr<const batch::CoverNotes> notes;
  std::shared_ptr<const std::string> text;  ///< the body the items point into
  std::vector<BatchItemText> items;
  /// Items refused by the checks before streaming, taken (once) by the
  /// writer instead of being parsed again; the others stay empty.
  std::vector<std::optional<BatchEntry>> rejected;
  RenderQueue* queue = nullptr;
  Metrics* metrics = nullptr;
  std::chrono::milliseconds letter_limit{30000};
  std::chrono::steady_clock::time_point deadline;
  std::shared_ptr<BatchStopper> stopper;
};

// Why the batch must end now, or "".
std::string StopReason(const BatchRun& run, std::chrono::seconds max_time) {
  if (run.stopper->stopping()) return "the server is stopping";
  if (std::chrono::steady_clock::now() > run.deadline)
    return "the batch took longer than " + std::to_string(max_time.count()) +
           " s (--max-batch-seconds)";
  return {};
}

// Item i on the render queue, under the letter time limit; a full queue is
// asked again until the batch must end.
BatchEntry ProduceOnQueue(const std::shared_ptr<BatchRun>& run, std::size_t i) {
  const BatchItemText& item = run->items[i];
  if (run->rejected[i]) return std::move(*run->rejected[i]);
  if (!run->queue) return batch::ProduceBatchEntry(*run->engine, *run->notes, item, i);
  while (true) {
    if (run->stopper->stopping() || std::chrono::steady_clock::now() > run->deadline)
      return batch::FailedEntry(item, i, "the batch was stopped before this letter");
    try {
      auto result = run->queue->RunWithin<BatchEntry>(run->letter_limit, [run, i] {
        return batch::ProduceBatchEntry(*run->engine, *run->notes, run->items[i], i);
      });
      switch (result.outcome) {
        case RenderQueue::Outcome::kDone:
          return std::move(*result.value);
        case RenderQueue::Outcome::kTimedOut:
          return batch::TimedOutEntry(item, i, run->letter_limit);
        case RenderQueue::Outcome::kFull:
          std::this_thread::sleep_for(kQueueRetry);
          break;
      }
    } catch (const std::exception& e) {
      return batch::FailedEntry(item, i, std::string("exception while rendering: ") + e.what());
    }
  }
}

// Checks every item as the batch will, stopped before rendering, and keeps
// the rejected ones in `run.rejected`. Returns how many were rejected.
std::size_t RejectBeforeStreaming(BatchRun& run) {
  run.rejected.assign(run.items.size(), std::nullopt);
  std::size_t rejected = 0;
  for (std::size_t i = 0; i < run.items.size(); ++i) {
    BatchEntry checked = batch::ProduceBatchEntry(*run.engine, *run.notes, run.items[i], i,
                                                  [](BatchEntry&) { return true; });
    if (checked.outcome != BatchEntry::Outcome::kRejected) continue;
    run.rejected[i] = std::move(checked);
    ++rejected;
  }
  return rejected;
}

}  // namespace

void BatchStopper::Stop() {
  stopping_.store(true);
  std::lock_guard lock(mutex_);
  for (Poco::Net::StreamSocket& socket : sockets_) {
    try {
      socket.shutdown();
    } catch (const std::exception&) {
      // already closed by its client
    }
  }
}

std::shared_ptr<void> BatchStopper::Register(const Poco::Net::StreamSocket& socket) {
  std::list<Poco::Net::StreamSocket>::iterator it;
  {
    std::lock_guard lock(mutex_);
    it = sockets_.insert(sockets_.end(), socket);
  }
  return std::shared_ptr<void>(nullptr, [this, it](void*) {
    std::lock_guard lock(mutex_);
    sockets_.erase(it);
  });
}

BatchHandler::BatchHandler(const ServiceContext& context)
    : EndpointHandler(kRoute), context_(context) {}

HttpReply BatchHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  const BatchSettings& settings = context_.batch;
  const bool json_lines = batch::IsJsonLinesContentType(request.getContentType());
  JsonBody body = ReadBody(
      request, settings.max_body_bytes, json_lines || IsJsonContentType(request.getContentType()),
      "a batch must be sent as application/json (an array) or application/x-ndjson (UTF-8)");
  if (!body.text) return body.problem;

  // The items are views into the body: both live on in the streaming writer.
  auto run = std::make_shared<BatchRun>();
  run->text = std::make_shared<const std::string>(std::move(*body.text));
  if (json_lines) {
    run->items = batch::SplitJsonLines(*run->text);
  } else {
    Result<std::vector<BatchItemText>> split = batch::SplitJsonArray(*run->text);
    if (!split.ok()) return StatusReply(split.status());
    run->items = std::move(*split);
  }
  if (run->items.empty()) return ProblemReply(422, "the batch holds no requests");
  if (run->items.size() > settings.max_items)
    return ProblemReply(413, "the batch holds " + std::to_string(run->items.size()) +
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

  run->engine = context_.engine;
  run->notes = settings.cover_notes;
  run->queue = context_.render_queue;
  run->letter_limit = context_.request_timeout;
  run->stopper = settings.stopper;
  run->metrics = context_.metrics;
  // Every item is checked before the first byte, so that the headers can
  // say how many letters are coming and how many items were refused (all
  // of them, perhaps) without the client unzipping the manifest.
  const std::size_t rejected = RejectBeforeStreaming(*run);
  // The socket, to bound how long a write may wait for the client and to
  // end the batch on a stop; absent for requests not from a socket (tests).
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);

  HttpReply reply;
  reply.content_type = "application/zip";
  reply.headers.emplace_back("Content-Disposition",
                             batch::AttachmentDisposition(std::string(kArchiveName)));
  reply.headers.emplace_back("Parting-Batch-Items", std::to_string(run->items.size()));
  reply.headers.emplace_back("Parting-Batch-Accepted",
                             std::to_string(run->items.size() - rejected));
  reply.headers.emplace_back("Parting-Batch-Rejected", std::to_string(rejected));
  const std::size_t jobs =
      settings.jobs > 0 ? settings.jobs : std::max(1u, std::thread::hardware_concurrency());
  const auto max_time = settings.max_time;
  const auto stall_time = settings.stall_time;
  reply.stream = [run, jobs, slot, impl, max_time, stall_time](std::ostream& out) {
    std::shared_ptr<void> registration;
    if (impl) {
      impl->socket().setSendTimeout(Poco::Timespan(stall_time.count(), 0));
      registration = run->stopper->Register(impl->socket());
    }
    run->deadline = std::chrono::steady_clock::now() + max_time;
    batch::ArchiveOptions options;
    options.jobs = jobs;
    options.produce = [run](std::size_t i) { return ProduceOnQueue(run, i); };
    options.stop_reason = [run, max_time] { return StopReason(*run, max_time); };
    options.on_entry = [run](const BatchEntry& entry) {
      if (run->metrics) {
        run->metrics->BatchItemWritten(batch::OutcomeName(entry.outcome));
        if (entry.outcome == BatchEntry::Outcome::kOk)
          run->metrics->LetterRendered(entry.language, LetterSource::kBatch);
      }
      if (!entry.failure.empty())
        LogServerMessage(std::string(kRoute) + ": item " + std::to_string(entry.index) +
                             " failed: " + entry.failure,
                         "error");
    };
    const batch::ArchiveResult result =
        batch::WriteBatchArchive(*run->engine, *run->notes, run->items, options, out);
    if (result.status.ok()) return;
    const std::size_t done = result.totals.ok() + result.totals.skipped() +
                             result.totals.rejected() + result.totals.failed();
    LogServerMessage(
        std::string(kRoute) + ": batch ended after " + std::to_string(done) + " of " +
            std::to_string(run->items.size()) + " items and " +
            std::to_string(result.bytes_written) + " bytes sent: " +
            (result.stopped ? result.status.message()
                            : "the client went away (" + result.status.message() + ")"),
        "warning");
    // A batch cut short must not look complete: end the connection rather
    // than the chunked body.
    if (impl) {
      try {
        impl->socket().shutdown();
      } catch (const std::exception&) {
        // the client closed it already
      }
    }
  };
  return reply;
}

}  // namespace parting::server
