#include "jobs/run_worker.h"

#include <signal.h>

#include <memory>
#include <thread>

#include "batch/letter_email.h"
#include "jobs/job_store.h"
#include "jobs/job_worker.h"
#include "parting/engine.h"
#include "server/access_log.h"

namespace parting::jobs {

Status RunWorker(const std::filesystem::path& root, const JobOptions& options,
                 const std::optional<SigningIdentity>& signing, const WorkerCompanion& companion) {
  // Blocked before any thread exists, so that only sigwait() receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  Resources resources = Resources::FromRoot(root);
  resources.signing = signing;  // items asking options.sign are signed, as serve signs them
  auto engine = Engine::Create(std::move(resources));
  if (!engine.ok()) return engine.status();
  auto notes = batch::CoverNotes::Load(root / "letter_templates");
  if (!notes.ok()) return notes.status();
  auto store = JobStore::Open(options.database);
  if (!store.ok()) return store.status();

  JobWorker worker(**store, *engine, std::make_shared<const batch::CoverNotes>(std::move(*notes)),
                   options);
  auto ready = std::make_shared<std::atomic<bool>>(false);
  std::shared_ptr<void> beside;
  if (companion) {
    auto started = companion(**store, worker, ready);
    if (!started.ok()) return started.status();
    beside = std::move(*started);
  }
  worker.Start();
  // As serve does: open the slow resources (the German hyphenation patterns)
  // at once, so the first German item does not wait for them alone.
  std::thread([engine = *engine, ready] {
    engine->WarmUp();
    ready->store(true, std::memory_order_release);
  }).detach();
  server::LogServerMessage("worker " + worker.owner() + " working jobs in " +
                           ((*store)->postgres() ? "PostgreSQL" : "SQLite") + " on " +
                           std::to_string(options.workers) + " threads" +
                           (signing ? ", signing letters that ask for it" : ""));
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  server::LogServerMessage(std::string("stopping on ") +
                           (signal_number == SIGINT ? "SIGINT" : "SIGTERM") +
                           ": finishing the items in hand");
  worker.Stop();
  server::LogServerMessage("stopped after " + std::to_string(worker.completed()) + " items (" +
                           worker.TimingsText() + ")");
  return Status::Ok();
}

}  // namespace parting::jobs
