// OpsServer: the operational routes alone, GET /healthz (and HEAD), /readyz
// and /metrics, on their own port, for a process that serves no API:
// `parting worker --metrics-port`.
//
// The same router, handlers, connection guard and bounds as `parting serve`
// (request_router.h with an ops_only context, listener.h): every other path
// is 404, bodies are bounded and never logged. /metrics is serve's
// exposition (metrics.h) plus the job store's gauges; the process counts its
// letters into metrics() (source "job"). Starts serving in Start(); the
// destructor stops accepting and lets the requests in flight finish.
//
//   auto ops = OpsServer::Start("127.0.0.1", 9464, &store, ready);
//   if (!ops.ok()) return ops.status();
//   worker.OnLetter([m = &(*ops)->metrics()](std::string_view language) {
//     m->LetterRendered(language, LetterSource::kJob);
//   });
#pragma once

#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "parting/status.h"
#include "server/connection_guard.h"
#include "server/handlers.h"
#include "server/metrics.h"

namespace parting::server {

class OpsServer {
 public:
  /// Listens on host:port (0 picks a free port) and serves. `store` (may be
  /// null) adds the job gauges to /metrics and must outlive the server;
  /// `ready` (null counts as ready) answers /readyz. Internal when the
  /// address cannot be bound ("address in use").
  static Result<std::unique_ptr<OpsServer>> Start(const std::string& host, std::uint16_t port,
                                                  jobs::JobStore* store,
                                                  std::shared_ptr<const std::atomic<bool>> ready);
  ~OpsServer();
  OpsServer(const OpsServer&) = delete;
  OpsServer& operator=(const OpsServer&) = delete;

  Metrics& metrics() { return metrics_; }
  /// "127.0.0.1:9464": where it listens (the chosen port when asked for 0).
  std::string address() const { return socket_.address().toString(); }

 private:
  OpsServer();

  Metrics metrics_;
  ServiceContext context_;
  Poco::Net::ServerSocket socket_;
  Poco::ThreadPool pool_;
  std::unique_ptr<GuardedHttpServer> server_;
};

}  // namespace parting::server
