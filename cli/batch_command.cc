// parting batch: a file of requests → one PDF (and .eml) per request plus
// manifest.json in a folder, rendered on all cores (batch/ does the work).
//
// Re-running over the same folder skips every letter whose fingerprint the
// previous manifest lists with a file that still has the recorded SHA-256,
// wherever its line now stands: a letter whose line moved is linked to its
// new name instead of rendered again (unless it has an e-mail, which names
// the PDF file and is therefore written again). The manifest is rewritten
// atomically as items complete (at most once a second, and at the end), so
// a run that is killed or meets a full disk leaves a manifest of what is
// whole; it stops at the first file it cannot write and removes what it
// wrote of that item. Files of earlier runs that the new manifest does not
// list are reported, or removed with --prune.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

#include "core/sha256.h"
#include "batch/entry.h"
#include "batch/items.h"
#include "batch/letter_email.h"
#include "batch/manifest.h"
#include "batch/ordered_parallel.h"
#include "cli/batch_progress.h"
#include "cli/commands.h"
#include "cli/output_file.h"
#include "parting/resource_root.h"

namespace parting::cli {
namespace {

namespace fs = std::filesystem;
using batch::BatchEntry;
using batch::ManifestItem;
using Outcome = ManifestItem::Outcome;

constexpr std::size_t kMaxJobs = 256;
constexpr auto kManifestInterval = std::chrono::seconds(1);
// Whether `name` is one this command writes: "0001-….pdf", "0001-….eml",
// and the temporary files of WriteFileAtomically() (".….tmp-XXXXXX") and of
// moved letters (".moved-12.pdf"). A plain test: a std::regex here cost
// every start of the program its compilation.
bool OwnFile(std::string_view name) {
  const auto digits = [](std::string_view s) {
    size_t n = 0;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
    return n;
  };
  const size_t number = digits(name);
  if (number >= 4 && name.substr(number).starts_with("-") &&
      (name.ends_with(".pdf") || name.ends_with(".eml")) && name.size() >= number + 5)
    return true;
  if (name.starts_with(".moved-") && name.ends_with(".pdf")) {
    const std::string_view middle = name.substr(7, name.size() - 11);
    return !middle.empty() && digits(middle) == middle.size();
  }
  return name.starts_with(".") && name.find(".tmp-", 1) != std::string_view::npos;
}

struct BatchOptions {
  std::string input;
  std::string out;
  std::size_t jobs = std::max(1u, std::thread::hardware_concurrency());
  bool no_progress = false;
  bool prune = false;
  bool archive = false;
  EngineFlags engine;
};

// Stops RunInOrder at the first file that cannot be written.
struct OutputFailed : std::runtime_error {
  explicit OutputFailed(const Status& status) : std::runtime_error(status.message()) {}
};

// Stops RunInOrder after SIGINT or SIGTERM.
struct Interrupted {};

// The stop signal received (0: none). Set by the handler, read by the
// thread that writes the files between letters.
volatile std::sig_atomic_t stop_signal = 0;

void OnStopSignal(int number) { stop_signal = number; }

// SIGINT and SIGTERM let the letter being written finish and the manifest be
// written; a second one ends the process at once (the default action).
class StopSignals {
 public:
  StopSignals() {
    struct sigaction action {};
    action.sa_handler = OnStopSignal;
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous_int_);
    sigaction(SIGTERM, &action, &previous_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &previous_int_, nullptr);
    sigaction(SIGTERM, &previous_term_, nullptr);
  }

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

std::string HashOfFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return {};
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return Sha256Hex(bytes);
}

// What the previous run wrote, by fingerprint, and the letters moved to a
// new name while this run goes (staged as hard links until their turn).
class PreviousRun {
 public:
  explicit PreviousRun(const fs::path& out) : out_(out) {
    std::ifstream in(out / batch::kManifestName, std::ios::binary);
    if (!in.is_open()) return;
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto items = batch::ParseManifest(text);
    if (!items.ok()) {
      std::cerr << "warning: " << (out / batch::kManifestName).string() << ": "
                << items.status().message() << "; every letter is written again\n";
      return;
    }
    for (ManifestItem& item : *items)
      if (item.ok() && !item.fingerprint.empty() && !item.sha256.empty())
        written_[item.fingerprint].push_back(std::move(item));
  }
  ~PreviousRun() {
    std::error_code ignored;
    for (const auto& [index, staged] : staged_) fs::remove(staged, ignored);
  }

  /// AlreadyWritten for ProduceBatchEntry; runs on the rendering threads.
  bool Find(BatchEntry& entry) {
    const auto it = written_.find(entry.fingerprint);
    if (it == written_.end()) return false;
    for (const ManifestItem& before : it->second)  // in place: nobody else writes this name
      if (before.file == entry.file && before.email_file == entry.email_file &&
          HashOfFile(out_ / entry.file) == before.sha256 &&
          (entry.email_file.empty() || fs::exists(out_ / entry.email_file)))
        return Reuse(entry, before);
    if (!entry.email_file.empty()) return false;  // the e-mail names the old file
    for (const ManifestItem& before : it->second) {
      if (!before.email_file.empty() || before.file == entry.file) continue;
      // The old name may be the new name of another item, rewritten at any
      // moment: link first, then check what was linked.
      const fs::path staged = out_ / (".moved-" + std::to_string(entry.index) + ".pdf");
      std::error_code error;
      fs::remove(staged, error);
      fs::create_hard_link(out_ / before.file, staged, error);
      if (error) continue;
      if (HashOfFile(staged) != before.sha256) {
        fs::remove(staged, error);
        continue;
      }
      std::lock_guard lock(mutex_);
      staged_[entry.index] = staged;
      return Reuse(entry, before);
    }
    return false;
  }

  /// Gives a moved letter its new name; Ok when it was not moved.
  Status Place(const BatchEntry& entry) {
    fs::path staged;
    {
      std::lock_guard lock(mutex_);
      const auto it = staged_.find(entry.index);
      if (it == staged_.end()) return Status::Ok();
      staged = it->second;
      staged_.erase(it);
    }
    std::error_code error;
    fs::rename(staged, out_ / entry.file, error);
    if (!error) return Status::Ok();
    fs::remove(staged, error);
    return Status::Internal("cannot write " + (out_ / entry.file).string() + ": " +
                            error.message());
  }

 private:
  static bool Reuse(BatchEntry& entry, const ManifestItem& before) {
    entry.sha256 = before.sha256;
    entry.effective_end_date = before.effective_end_date;
    entry.route = before.route;
    return true;
  }

  const fs::path out_;
  std::map<std::string, std::vector<ManifestItem>> written_;
  std::mutex mutex_;
  std::map<std::size_t, fs::path> staged_;
};

// Writes one item's files; on failure removes what it wrote of the item.
// They reach the disk with the next manifest (WriteManifest), not one fsync
// each.
Status WriteItem(const fs::path& out, BatchEntry& entry, PreviousRun& previous) {
  if (entry.outcome == Outcome::kSkipped) return previous.Place(entry);
  if (entry.outcome != Outcome::kOk) return Status::Ok();
  Status status = WriteFileAtomically(out / entry.file, entry.pdf, Flush::kLater);
  if (status.ok() && !entry.email_file.empty()) {
    status = WriteFileAtomically(out / entry.email_file, entry.eml, Flush::kLater);
    std::error_code ignored;
    if (!status.ok()) fs::remove(out / entry.file, ignored);  // no half of a letter
  }
  return status;
}

// The manifest, after the files it lists: a manifest on disk never names a
// letter that is not.
Status WriteManifest(const fs::path& out, const std::vector<ManifestItem>& manifest) {
  if (Status flushed = FlushFolder(out); !flushed.ok()) return flushed;
  return WriteFileAtomically(out / batch::kManifestName, batch::ManifestJson(manifest));
}

// Files this command wrote that `manifest` does not list.
std::vector<fs::path> Orphans(const fs::path& out, const std::vector<ManifestItem>& manifest) {
  std::set<std::string> listed;
  for (const ManifestItem& item : manifest) {
    if (!item.ok()) continue;
    listed.insert(item.file);
    if (!item.email_file.empty()) listed.insert(item.email_file);
  }
  std::vector<fs::path> orphans;
  std::error_code error;
  for (const fs::directory_entry& file : fs::directory_iterator(out, error)) {
    const std::string name = file.path().filename().string();
    if (file.is_regular_file(error) && OwnFile(name) && !listed.contains(name))
      orphans.push_back(file.path());
  }
  std::sort(orphans.begin(), orphans.end());
  return orphans;
}

void ReportOrphans(const fs::path& out, const std::vector<ManifestItem>& manifest, bool prune) {
  const std::vector<fs::path> orphans = Orphans(out, manifest);
  if (orphans.empty()) return;
  std::size_t removed = 0;
  for (const fs::path& orphan : orphans) {
    std::error_code error;
    if (prune && fs::remove(orphan, error)) {
      ++removed;
      continue;
    }
    std::cerr << (prune ? "warning: cannot remove " : "not in the manifest: ") << orphan.string();
    if (prune) std::cerr << ": " << error.message();
    std::cerr << "\n";
  }
  if (prune)
    std::cerr << "removed " << removed << " file(s) the manifest no longer lists\n";
  else
    std::cerr << orphans.size()
              << " file(s) from earlier runs are not in the manifest; --prune removes them\n";
}

int RunBatch(const BatchOptions& options) {
  const std::optional<std::string> body = ReadInput(options.input);
  if (!body) return kExitUsage;
  std::vector<batch::BatchItemText> items;
  if (batch::LooksLikeJsonArray(*body)) {
    auto split = batch::SplitJsonArray(*body);
    if (!split.ok()) {
      std::cerr << "error: " << options.input << ": " << split.status().message() << "\n";
      return kExitUsage;
    }
    items = std::move(*split);
  } else {
    items = batch::SplitJsonLines(*body);
  }
  if (items.empty()) {
    std::cerr << "error: " << options.input << " holds no requests\n";
    return kExitUsage;
  }

  const fs::path out = options.out;
  std::error_code fs_error;
  fs::create_directories(out, fs_error);
  if (fs_error || !fs::is_directory(out)) {
    std::cerr << "error: cannot create the folder " << out.string() << ": "
              << (fs_error ? fs_error.message() : "a file of that name is in the way") << "\n";
    return kExitOutput;
  }
  const auto root = server::FindResourceRoot(options.engine.root);
  if (!root.ok()) {
    PrintStatus(root.status());
    return kExitRejected;
  }
  const auto engine = LoadEngine(root->string(), &options.engine);
  if (!engine) return kExitRejected;
  auto notes = batch::CoverNotes::Load(*root / "letter_templates");
  if (!notes.ok()) {
    PrintStatus(notes.status());
    return kExitRejected;
  }

  PreviousRun previous(out);
  const batch::AlreadyWritten already_written = [&](BatchEntry& entry) {
    return previous.Find(entry);
  };
  const fs::path manifest_path = out / batch::kManifestName;
  BatchProgress progress(items.size(), !options.no_progress && ::isatty(STDERR_FILENO));
  std::vector<ManifestItem> manifest;
  manifest.reserve(items.size());
  Status output_failure;
  auto last_manifest = std::chrono::steady_clock::now();
  const StopSignals stop_signals;
  try {
    batch::RunInOrder<BatchEntry>(
        items.size(), options.jobs, 2 * options.jobs,
        [&](std::size_t i) {
          if (!options.archive)
            return batch::ProduceBatchEntry(*engine, *notes, items[i], i, already_written);
          // --archive: every letter an archive copy, as if its request said so
          // (its fingerprint too, so a re-run with the flag skips them).
          const std::string archived = WithArchive(std::string(items[i].text));
          return batch::ProduceBatchEntry(*engine, *notes, batch::BatchItemText{archived, items[i].line},
                                          i, already_written);
        },
        [&](std::size_t, BatchEntry& entry) {
          Status status = WriteItem(out, entry, previous);
          if (!status.ok()) {
            entry.outcome = Outcome::kFailed;
            entry.errors = {{"", status.message()}};
          }
          progress.Item(entry, options.input);
          manifest.push_back(std::move(entry));  // the bytes go here
          if (status.ok() && std::chrono::steady_clock::now() - last_manifest > kManifestInterval) {
            status = WriteManifest(out, manifest);
            last_manifest = std::chrono::steady_clock::now();
          }
          if (!status.ok()) throw OutputFailed(status);
          if (stop_signal) throw Interrupted();
        });
  } catch (const OutputFailed& e) {
    output_failure = Status::Internal(e.what());
  } catch (const Interrupted&) {
    // below, once the manifest is written
  }
  progress.Finish();

  Status written = WriteManifest(out, manifest);
  if (stop_signal) {
    std::cerr << "stopped by " << (stop_signal == SIGINT ? "SIGINT" : "SIGTERM") << " after "
              << manifest.size() << " of " << items.size()
              << " requests; a re-run skips the letters already written\n";
    if (!written.ok()) PrintStatus(written);
    return kExitSignal + stop_signal;
  }
  if (!output_failure.ok()) {
    PrintStatus(output_failure);
    std::cerr << "stopped after " << manifest.size() << " of " << items.size()
              << " requests; a re-run skips the letters already written\n";
    return kExitOutput;
  }
  if (!written.ok()) {
    PrintStatus(written);
    return kExitOutput;
  }
  ReportOrphans(out, manifest, options.prune);
  const batch::ManifestTotals totals = batch::Totals(manifest);
  std::cerr << manifest.size() << " requests: " << totals.ok() << " written, " << totals.skipped()
            << " skipped (already written), " << totals.rejected() << " rejected";
  if (totals.failed()) std::cerr << ", " << totals.failed() << " failed";
  std::cerr << "; manifest in " << manifest_path.string() << "\n";
  return totals.rejected() + totals.failed() == 0 ? kExitOk : kExitRejected;
}

}  // namespace

Command AddBatchCommand(CLI::App& parent) {
  auto options = std::make_shared<BatchOptions>();
  CLI::App* batch = parent.add_subcommand(
      "batch",
      "one PDF per request (JSON Lines or a JSON array), .eml files for delivery.email, and "
      "DIR/manifest.json; letters already in DIR with the same fingerprint are skipped");
  batch->add_option("REQUESTS", options->input, "the requests ('-' for standard input)")
      ->required();
  batch->add_option("-o,--out", options->out, "the folder to write to (created when missing)")
      ->required();
  batch
      ->add_option("-j,--jobs", options->jobs,
                   "render threads, 1 to " + std::to_string(kMaxJobs) + " (default: one per core)")
      ->check(CLI::Range(std::size_t{1}, kMaxJobs).description(""))
      ->type_name("N");
  batch->add_flag("--no-progress", options->no_progress,
                  "no progress bar (there is none when standard error is no terminal)");
  batch->add_flag("--archive", options->archive,
                  "archive copies, PDF/A-2b (as if every request said options.archive: true)");
  batch->add_flag("--prune", options->prune,
                  "remove files of earlier runs that the new manifest does not list");
  AddEngineOptions(*batch, options->engine);
  return {batch, [options] { return RunBatch(*options); }};
}

}  // namespace parting::cli
