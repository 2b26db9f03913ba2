// RunWorker(): `parting worker`, a process that works job items without
// serving HTTP. It builds the engine over the resource folder, opens the
// store, and works items on options.workers threads (plus due callbacks and
// the retention sweep) until SIGTERM or SIGINT, signing the letters that
// ask for options.sign with `signing` (none: such items are rejected); then it finishes the items
// in hand, stores them and returns Ok. A worker killed outright loses
// nothing: its claims expire and another worker takes the items.
//
//   Status done = RunWorker("/srv/parting", options, std::nullopt);  // blocks
//
// A companion runs beside the worker (`parting worker --metrics-port`: the
// metrics port, server/ops_server.h): it is called once the engine, the
// store and the worker exist, before the worker starts, and what it returns
// is destroyed after the worker stopped.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "jobs/job_options.h"
#include "parting/engine.h"
#include "parting/status.h"

namespace parting::jobs {

class JobStore;
class JobWorker;

/// Starts what runs beside the worker; `ready` turns true once every
/// language's resources are loaded. A failure ends RunWorker with it.
using WorkerCompanion = std::function<Result<std::shared_ptr<void>>(
    JobStore& store, JobWorker& worker, std::shared_ptr<const std::atomic<bool>> ready)>;

/// Blocks until a stop signal. Returns the engine's or the store's Status
/// when either cannot be opened, or the companion's. Call from the main
/// thread, once.
Status RunWorker(const std::filesystem::path& root, const JobOptions& options,
                 const std::optional<SigningIdentity>& signing,
                 const WorkerCompanion& companion = {});

}  // namespace parting::jobs
