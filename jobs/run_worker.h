// RunWorker(): `parting worker`, a process that works job items without
// serving HTTP. It builds the engine over the resource folder, opens the
// store, and works items on options.workers threads (plus due callbacks and
// the retention sweep) until SIGTERM or SIGINT, signing the letters that
// ask for options.sign with `signing` (none: such items are rejected); then it finishes the items
// in hand, stores them and returns Ok. A worker killed outright loses
// nothing: its claims expire and another worker takes the items.
//
//   Status done = RunWorker("/srv/parting", options, std::nullopt);  // blocks
#pragma once

#include <filesystem>
#include <optional>

#include "jobs/job_options.h"
#include "parting/engine.h"
#include "parting/status.h"

namespace parting::jobs {

/// Blocks until a stop signal. Returns the engine's or the store's Status
/// when either cannot be opened. Call from the main thread, once.
Status RunWorker(const std::filesystem::path& root, const JobOptions& options,
                 const std::optional<SigningIdentity>& signing);

}  // namespace parting::jobs
