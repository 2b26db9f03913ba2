// POST /v1/letters/batch: many requests → one ZIP of letters, streamed.
//
// The body is a JSON array of requests (application/json) or JSON Lines
// (application/x-ndjson). The answer is application/zip, sent with chunked
// transfer encoding while the letters are rendered (batch_archive.h): one
// PDF per good item, an .eml per item that asks for one, manifest.json last.
// A bad item is reported in the manifest and never fails the batch; only a
// body that is no batch at all (400), too large (413), over the item limit
// (413) or empty (422) is refused as a whole. One instance per request.
#pragma once

#include <atomic>

#include <cstddef>
#include <memory>

#include "server/endpoint_handler.h"
#include "batch/letter_email.h"

namespace parting::server {

struct ServiceContext;

/// The batch route's settings, fixed at start-up.
struct BatchSettings {
  std::size_t max_items = 2000;
  std::size_t max_body_bytes = 64u << 20;
  std::size_t jobs = 0;  ///< render threads per batch; 0 = one per core
  /// Batches that may render at once; one more is refused with 503 and
  /// Retry-After before any work starts, so batches cannot pile up threads.
  std::size_t max_concurrent = 1;
  std::shared_ptr<std::atomic<std::size_t>> running =
      std::make_shared<std::atomic<std::size_t>>(0);
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
