#include "server/server.h"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timespan.h>
#include <signal.h>

#include <algorithm>
#include <system_error>
#include <thread>

#include "parting/engine.h"
#include "server/access_log.h"
#include "server/connection_guard.h"
#include "server/language_names.h"
#include "server/letter_email.h"
#include "server/request_router.h"

namespace parting::server {
namespace {

constexpr int kListenBacklog = 64;
constexpr int kMaxQueuedConnections = 128;
// Slow clients give up their worker after this.
constexpr int kSocketTimeoutSeconds = 30;
// Poco serves a connection on one worker for as long as it is kept alive, so
// idle connections (a browser opens several) must let go of workers soon.
constexpr int kKeepAliveTimeoutSeconds = 3;
constexpr int kMaxKeepAliveRequests = 100;
// Enough workers for a browser's parallel connections on a small machine.
constexpr int kMinDefaultThreads = 8;

sigset_t StopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

int WorkerThreads(int requested) {
  if (requested > 0) return requested;
  return std::max(kMinDefaultThreads, 2 * static_cast<int>(std::thread::hardware_concurrency()));
}

Result<std::filesystem::path> WebRoot(const std::filesystem::path& root) {
  std::error_code error;
  const std::filesystem::path web = std::filesystem::canonical(root / "web", error);
  if (error || !std::filesystem::is_regular_file(web / "index.html", error))
    return Status::NotFound("the web form is missing: no " +
                            (root / "web" / "index.html").string());
  return web;
}

}  // namespace

Status Serve(const ServeOptions& options) {
  // Block the stop signals before any thread exists, so that every worker
  // inherits the mask and only sigwait() below receives them.
  const sigset_t stop_signals = StopSignals();
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  auto engine = Engine::Create(Resources::FromRoot(options.root));
  if (!engine.ok()) return engine.status();
  auto web_root = WebRoot(options.root);
  if (!web_root.ok()) return web_root.status();

  ServiceContext context;
  context.engine = *engine;
  context.web_root = *web_root;
  context.max_body_bytes = options.max_body_bytes;
  context.languages_json = LanguagesJson(LanguageNames());
  auto cover_notes = CoverNotes::Load(options.root / "letter_templates");
  if (!cover_notes.ok()) return cover_notes.status();
  context.batch.cover_notes = std::make_shared<const CoverNotes>(std::move(*cover_notes));
  context.batch.max_items = options.max_batch_items;
  context.batch.max_body_bytes = options.max_batch_body_bytes;

  const int threads = WorkerThreads(options.threads);
  Poco::Net::ServerSocket socket;
  try {
    socket.bind(Poco::Net::SocketAddress(options.host, options.port), /*reuseAddress=*/true);
    socket.listen(kListenBacklog);
  } catch (const Poco::Exception& e) {
    return Status::Internal("cannot listen on " + options.host + ":" +
                            std::to_string(options.port) + ": " + e.displayText());
  }

  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(threads);
  params->setMaxQueued(kMaxQueuedConnections);
  params->setKeepAlive(true);
  params->setTimeout(Poco::Timespan(kSocketTimeoutSeconds, 0));
  params->setKeepAliveTimeout(Poco::Timespan(kKeepAliveTimeoutSeconds, 0));
  params->setMaxKeepAliveRequests(kMaxKeepAliveRequests);
  params->setServerName("parting");
  Poco::ThreadPool pool(std::min(2, threads), threads);
  // Poco's HTTPServer, with slow clients kept from holding every thread.
  GuardedHttpServer server(new RequestRouter(context), pool, socket, params);
  server.start();
  // Open the slow resources (the German hyphenation patterns) while the
  // service already answers; a request that needs them first simply waits.
  std::thread warm_up([engine = *engine] { engine->WarmUp(); });
  LogServerMessage("listening on http://" + socket.address().toString() + "/ (" +
                   std::to_string(threads) + " threads, body limit " +
                   std::to_string(options.max_body_bytes) + " bytes)");

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  LogServerMessage("stopping");
  server.stopAll(/*abortCurrent=*/false);
  pool.joinAll();
  warm_up.join();
  return Status::Ok();
}

}  // namespace parting::server
