// Serve(): Parting's HTTP service, from start-up to a clean stop.
//
//   parting::server::ServeOptions options;
//   options.root = "/srv/parting";
//   parting::Status status = parting::server::Serve(options);  // blocks
//
// Builds the engine once (a broken template or font stops start-up with its
// error), listens on host:port (127.0.0.1 unless told otherwise), and serves:
// Poco's connection threads read and answer requests, a bounded render queue
// (render_queue.h) does the letters and plans, and a request that finds the
// queue full or outlasts its time limit gets 503 with Retry-After instead of
// waiting. On SIGINT or SIGTERM it stops accepting (new connections are
// refused), lets the requests in flight finish, and returns. Call from the
// main thread, once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "parting/engine.h"
#include "jobs/job_options.h"
#include "parting/status.h"
#include "server/api_keys.h"

namespace parting::server {

struct ServeOptions {
  std::string host = "127.0.0.1";  ///< loopback: exposing the service is a decision
  std::uint16_t port = 8080;       ///< 0 picks a free port (printed at start-up)
  std::filesystem::path root;      ///< holds letter_templates/, fonts/, web/
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_batch_items = 2000;          ///< POST /v1/letters/batch
  int max_concurrent_batches = 1;              ///< batches rendering at once; more get 503
  std::size_t max_batch_body_bytes = 64u << 20;  ///< the batch route's body limit
  int max_batch_seconds = 600;   ///< a batch ends after this long
  int batch_stall_seconds = 30;  ///< a batch ends when its client reads nothing this long
  /// Connection threads (one per open connection); 0 = enough for the
  /// render queue plus headroom (see ConnectionThreads()).
  int threads = 0;
  int render_workers = 0;        ///< threads that render; 0 = one per core
  std::size_t queue_depth = 16;  ///< render jobs that may wait for a worker
  int request_timeout_ms = 30000;  ///< longest wait for a render job
  int queue_wait_ms = 10000;       ///< longest wait for a place in a full queue
  ApiKeys api_keys;                ///< none: /v1/ is open
  std::optional<SigningIdentity> signing;  ///< none: options.sign is refused
  jobs::JobOptions jobs;           ///< the job store and this process's job workers
};

/// The render workers `options` ask for (0 = one per core).
int RenderWorkers(const ServeOptions& options);
/// The connection threads `options` ask for. By default more than the
/// render jobs that can hold one (workers + queue depth), so that a thread
/// is always left to answer 503, /healthz and /metrics: at least 8, 2 per
/// core, and workers + queue depth + 4.
int ConnectionThreads(const ServeOptions& options);

/// Serves until SIGINT or SIGTERM. Logs (access_log.h) "listening on
/// http://HOST:PORT/ …" once requests are accepted. Returns the engine's
/// Status when it cannot be built, kNotFound without web/, kUnparseable for
/// a docs/openapi.json that is not JSON, and kInternal when the address
/// cannot be bound or the job store cannot be opened; Ok after a requested
/// stop. Works job items (jobs/job_worker.h) unless options.jobs.workers is
/// 0; on a stop, the items in hand are finished before it returns.
Status Serve(const ServeOptions& options);

}  // namespace parting::server
