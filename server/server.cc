#include "parting/server.h"

#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <signal.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>

#include "batch/letter_email.h"
#include "jobs/job_store.h"
#include "jobs/job_worker.h"
#include "parting/engine.h"
#include "server/access_log.h"
#include "server/connection_guard.h"
#include "server/language_names.h"
#include "server/listener.h"
#include "server/metrics.h"
#include "server/render_queue.h"
#include "server/request_router.h"

namespace parting::server {
namespace {

// Enough workers for a browser's parallel connections on a small machine.
constexpr int kMinDefaultThreads = 8;
// Connection threads beyond those render jobs can hold: for 503s, /healthz,
// /metrics and the web form's files while every render worker is busy.
constexpr int kSpareConnectionThreads = 4;

int Cores() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

sigset_t StopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

// docs/openapi.json, checked to be JSON; "" when not installed.
Result<std::string> ReadApiDescription(const std::filesystem::path& root) {
  const std::filesystem::path file = root / "docs" / "openapi.json";
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) return std::string();
  std::ostringstream text;
  text << in.rdbuf();
  try {
    Poco::JSON::Parser().parse(text.str());
  } catch (const Poco::Exception& e) {
    return Status::Unparseable(file.string() + ": " + e.displayText());
  }
  return text.str();
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

int RenderWorkers(const ServeOptions& options) {
  return options.render_workers > 0 ? options.render_workers : Cores();
}

int ConnectionThreads(const ServeOptions& options) {
  if (options.threads > 0) return options.threads;
  const int held = RenderWorkers(options) + static_cast<int>(options.queue_depth);
  return std::max({kMinDefaultThreads, 2 * Cores(), held + kSpareConnectionThreads});
}

Status Serve(const ServeOptions& options) {
  // Block the stop signals before any thread exists, so that every worker
  // inherits the mask and only sigwait() below receives them.
  const sigset_t stop_signals = StopSignals();
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  Resources resources = Resources::FromRoot(options.root);
  resources.signing = options.signing;
  auto engine = Engine::Create(std::move(resources));
  if (!engine.ok()) return engine.status();
  auto web_root = WebRoot(options.root);
  if (!web_root.ok()) return web_root.status();
  auto api_description = ReadApiDescription(options.root);
  if (!api_description.ok()) return api_description.status();

  const int render_workers = RenderWorkers(options);
  RenderQueue render_queue(render_workers, options.queue_depth,
                           std::chrono::milliseconds(options.queue_wait_ms));
  Metrics metrics(LetterLanguages());
  ServiceContext context;
  context.engine = *engine;
  context.web_root = *web_root;
  context.max_body_bytes = options.max_body_bytes;
  context.languages_json = LanguagesJson(LanguageNames());
  context.signs = options.signing.has_value();
  auto cover_notes = batch::CoverNotes::Load(options.root / "letter_templates");
  if (!cover_notes.ok()) return cover_notes.status();
  context.batch.cover_notes = std::make_shared<const batch::CoverNotes>(std::move(*cover_notes));
  context.batch.max_items = options.max_batch_items;
  context.batch.max_concurrent = static_cast<std::size_t>(options.max_concurrent_batches);
  context.batch.max_body_bytes = options.max_batch_body_bytes;
  context.batch.max_time = std::chrono::seconds(options.max_batch_seconds);
  context.batch.stall_time = std::chrono::seconds(options.batch_stall_seconds);
  context.render_queue = &render_queue;
  context.request_timeout = std::chrono::milliseconds(options.request_timeout_ms);
  context.metrics = &metrics;
  context.api_keys = options.api_keys;
  context.openapi_json = std::move(api_description).value();
  auto ready = std::make_shared<std::atomic<bool>>(false);
  context.ready = ready;

  auto job_store = jobs::JobStore::Open(options.jobs.database);
  if (!job_store.ok()) return job_store.status();
  context.job_store = job_store->get();
  context.callback_allow = std::make_shared<const jobs::CallbackAllowList>(options.jobs.callback_allow);
  std::unique_ptr<jobs::JobWorker> job_worker;
  if (options.jobs.workers > 0) {
    job_worker = std::make_unique<jobs::JobWorker>(**job_store, *engine,
                                                   context.batch.cover_notes, options.jobs);
    job_worker->OnLetter([&metrics](std::string_view language) {
      metrics.LetterRendered(language, LetterSource::kJob);
    });
  }

  const int threads = ConnectionThreads(options);
  auto listening = Listen(options.host, options.port);
  if (!listening.ok()) return listening.status();
  Poco::Net::ServerSocket socket = *listening;
  Poco::ThreadPool pool(std::min(2, threads), threads);
  // Poco's HTTPServer, with slow clients kept from holding every thread.
  GuardedHttpServer server(new RequestRouter(context), pool, socket, HttpParams(threads));
  server.start();
  if (job_worker) job_worker->Start();
  // Open the slow resources (the German hyphenation patterns) while the
  // service already answers; a request that needs them first simply waits.
  // Detached: it only reads dictionary files into memory and holds its own
  // reference to the engine, so a stop right after start-up need not wait
  // for it (the German patterns take seconds).
  std::thread([engine = *engine, ready] {
    engine->WarmUp();
    ready->store(true, std::memory_order_release);
    LogServerMessage("ready: every language's hyphenation dictionary is loaded");
  }).detach();
  if (context.openapi_json.empty())
    LogServerMessage("no docs/openapi.json below the resource folder: /v1/openapi.json answers 404",
                     "warning");
  if (threads <= render_workers + static_cast<int>(options.queue_depth))
    LogServerMessage("connection threads (" + std::to_string(threads) +
                         ") do not exceed render workers + queue depth: when busy, new "
                         "connections wait instead of getting 503",
                     "warning");
  LogServerMessage("listening on http://" + socket.address().toString() + "/ (" +
                   std::to_string(threads) + " connection threads, " +
                   std::to_string(render_workers) + " render workers, queue depth " +
                   std::to_string(options.queue_depth) + ", queue wait " +
                   std::to_string(options.queue_wait_ms) + " ms, time limit " +
                   std::to_string(options.request_timeout_ms) + " ms, body limit " +
                   std::to_string(options.max_body_bytes) + " bytes, API keys " +
                   (context.api_keys.enabled() ? "required" : "off") + ", jobs in " +
                   ((*job_store)->postgres() ? "PostgreSQL" : "SQLite") + " with " +
                   std::to_string(job_worker ? options.jobs.workers : 0) + " job workers)");

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  LogServerMessage(std::string("stopping on ") + (signal_number == SIGINT ? "SIGINT" : "SIGTERM") +
                   ": finishing the requests in flight");
  // Stop accepting (Poco joins its accept thread and drops connections
  // accepted but not yet started), then close the listening socket at once:
  // connections would otherwise still complete in the kernel's backlog and
  // hang there. Only then stopAll(), which waits for each request being
  // served (bounded by the time limit) and closes kept-alive connections
  // after their current request.
  server.stop();
  socket.close();
  context.batch.stopper->Stop();  // batches end after their current letter
  server.stopAll(/*abortCurrent=*/false);
  pool.joinAll();
  // The job items in hand are finished and stored; nothing is taken anew.
  if (job_worker) job_worker->Stop();
  if (job_worker)
    LogServerMessage("job worker stopped after " + std::to_string(job_worker->completed()) +
                     " items (" + job_worker->TimingsText() + ")");
  LogServerMessage("stopped");
  return Status::Ok();
}

}  // namespace parting::server
