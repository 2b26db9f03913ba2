// POST /v1/letters/batch: many requests → one ZIP of letters, streamed.
//
// The body is a JSON array of requests (application/json) or JSON Lines
// (application/x-ndjson). The answer is application/zip, sent with chunked
// transfer encoding while the letters are rendered (batch/archive.h): one
// PDF per good item, an .eml per item that asks for one, manifest.json last.
// A bad item is reported in the manifest and never fails the batch; only a
// body that is no batch at all (400), too large (413), over the item limit
// (413) or empty (422) is refused as a whole. Every item is checked before
// the first byte is sent (parsed and validated, not rendered), so the
// response headers Parting-Batch-Items, -Accepted and -Rejected tell a
// client how many letters are coming, and that none are, without unzipping
// the manifest. An accepted item may still fail while rendering: the
// manifest is the final word. Each item written counts in /metrics
// (parting_batch_items_total, parting_letters_rendered_total{source="batch"}).
//
// Letters render on the service's render queue, each under the request time
// limit, like single letters. The stream stops at the first write that
// fails (the client went away) and renders nothing more; a batch ends after
// --max-batch-seconds, when its client reads nothing for
// --batch-stall-seconds, or when the server stops (SIGTERM). A stopped
// batch's connection is shut down, so its client sees an incomplete answer.
// The log says why, with the bytes really sent. One instance per request.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <list>
#include <memory>
#include <mutex>

#include "batch/letter_email.h"
#include "server/endpoint_handler.h"

namespace parting::server {

struct ServiceContext;

/// Ends the batches in flight when the server stops: a flag they check
/// between letters, and their sockets, shut down so that a write blocked on
/// a slow client returns at once. Thread-safe.
class BatchStopper {
 public:
  /// Sets the flag and shuts down every registered socket.
  void Stop();
  bool stopping() const { return stopping_.load(); }
  /// Registers `socket` until the returned handle is released.
  std::shared_ptr<void> Register(const Poco::Net::StreamSocket& socket);

 private:
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::list<Poco::Net::StreamSocket> sockets_;
};

/// The batch route's settings, fixed at start-up.
struct BatchSettings {
  std::size_t max_items = 2000;
  std::size_t max_body_bytes = 64u << 20;
  std::size_t jobs = 0;  ///< letters of one batch in flight at once; 0 = one per core
  /// Batches that may render at once; one more is refused with 503 and
  /// Retry-After before any work starts, so batches cannot pile up threads.
  std::size_t max_concurrent = 1;
  std::chrono::seconds max_time{600};   ///< a whole batch, from its first letter
  std::chrono::seconds stall_time{30};  ///< longest a write may wait for the client
  std::shared_ptr<std::atomic<std::size_t>> running = std::make_shared<std::atomic<std::size_t>>(0);
  std::shared_ptr<BatchStopper> stopper = std::make_shared<BatchStopper>();
  std::shared_ptr<const batch::CoverNotes> cover_notes;
};

class BatchHandler : public EndpointHandler {
 public:
  explicit BatchHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

}  // namespace parting::server
