#include "server/ops_server.h"

#include "server/listener.h"
#include "server/request_router.h"

namespace parting::server {
namespace {

// A scraper and a health probe or two: a few threads are plenty, and the
// connection guard keeps slow clients from holding them.
constexpr int kOpsThreads = 4;

}  // namespace

OpsServer::OpsServer() : metrics_(LetterLanguages()), pool_(1, kOpsThreads) {}

Result<std::unique_ptr<OpsServer>> OpsServer::Start(
    const std::string& host, std::uint16_t port, jobs::JobStore* store,
    std::shared_ptr<const std::atomic<bool>> ready) {
  std::unique_ptr<OpsServer> ops(new OpsServer());
  auto socket = Listen(host, port);
  if (!socket.ok()) return socket.status();
  ops->socket_ = *socket;
  ops->context_.ops_only = true;
  ops->context_.metrics = &ops->metrics_;
  ops->context_.job_store = store;
  ops->context_.ready = std::move(ready);
  ops->server_ = std::make_unique<GuardedHttpServer>(new RequestRouter(ops->context_), ops->pool_,
                                                     ops->socket_, HttpParams(kOpsThreads));
  ops->server_->start();
  return ops;
}

OpsServer::~OpsServer() {
  if (!server_) return;
  server_->stop();
  socket_.close();
  server_->stopAll(/*abort_current=*/false);
  pool_.joinAll();
}

}  // namespace parting::server
