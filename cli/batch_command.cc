// parting batch: a file of requests → one PDF (and .eml) per request plus
// manifest.json in a folder, rendered on all cores.
//
// Re-running over the same folder skips every letter whose file is there
// with the fingerprint and SHA-256 that the previous manifest recorded.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <thread>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/output_file.h"
#include "batch/manifest.h"
#include "batch/entry.h"
#include "batch/items.h"
#include "batch/letter_email.h"
#include "batch/ordered_parallel.h"
#include "server/resource_root.h"

namespace parting::cli {
namespace {

namespace fs = std::filesystem;
using batch::BatchEntry;

constexpr long long kMaxJobs = 256;
constexpr int kBarWidth = 30;

// What the previous run's manifest says about one written letter.
struct Written {
  std::string file;
  std::string email_file;
  std::string sha256;
  std::string effective_end_date;
  std::string route;
};

std::string Text(const Poco::JSON::Object::Ptr& object, const std::string& key) {
  if (!object->has(key) || !object->get(key).isString()) return {};
  return object->getValue<std::string>(key);
}

// Fingerprint → letter, from DIR/manifest.json; empty when there is none or
// it cannot be read (then everything is rendered again).
std::map<std::string, Written> PreviousRun(const fs::path& out) {
  std::map<std::string, Written> written;
  std::error_code error;
  if (!fs::exists(out / batch::kManifestName, error)) return written;
  try {
    std::ifstream in(out / batch::kManifestName, std::ios::binary);
    Poco::JSON::Parser parser;
    const auto manifest = parser.parse(in).extract<Poco::JSON::Object::Ptr>();
    const auto items = manifest->getArray("items");
    for (size_t i = 0; items && i < items->size(); ++i) {
      const auto item = items->getObject(static_cast<unsigned>(i));
      if (!item) continue;
      const std::string status = Text(item, "status");
      if (status != "ok" && status != "skipped") continue;
      written[Text(item, "fingerprint")] = {Text(item, "file"), Text(item, "email_file"),
                                            Text(item, "sha256"), Text(item, "effective_end_date"),
                                            Text(item, "route")};
    }
  } catch (const std::exception&) {
    written.clear();
  }
  return written;
}

bool FileHasHash(const fs::path& path, const std::string& sha256) {
  std::ifstream in(path, std::ios::binary);
  if (!in.is_open()) return false;
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return batch::Sha256Hex(bytes) == sha256;
}

class Progress {
 public:
  Progress(size_t total, bool bar) : total_(total), bar_(bar) {}

  void Item(const BatchEntry& entry, const std::string& input) {
    ++done_;
    if (!entry.ok()) {
      Clear();
      for (const FieldError& error : entry.errors)
        std::cerr << input << ":" << entry.line << ": item " << entry.index << ": "
                  << (error.pointer.empty() ? "/" : error.pointer) << ": " << error.message
                  << "\n";
    }
    Draw();
  }

  void Finish() {
    Clear();
    bar_ = false;
  }

 private:
  void Draw() {
    if (!bar_) return;
    const int filled = static_cast<int>(kBarWidth * done_ / std::max<size_t>(total_, 1));
    std::cerr << "\r[" << std::string(filled, '#') << std::string(kBarWidth - filled, '.') << "] "
              << done_ << "/" << total_ << std::flush;
    drawn_ = true;
  }
  void Clear() {
    if (!drawn_) return;
    std::cerr << "\r" << std::string(kBarWidth + 30, ' ') << "\r";
    drawn_ = false;
  }

  size_t total_;
  size_t done_ = 0;
  bool bar_;
  bool drawn_ = false;
};

}  // namespace

int BatchCommand(const std::vector<std::string>& args) {
  std::string error;
  const std::optional<Arguments> arguments = ParseArguments(
      args, {{"--out", "-o"}, {"--jobs", "-j"}, {"--root", ""}, {"--no-progress", ""}}, &error);
  if (!arguments) return UsageError(error);
  if (arguments->positionals.size() != 1)
    return UsageError("batch takes one REQUESTS.jsonl ('-' for standard input)");
  const std::optional<std::string> out_flag = arguments->Flag("--out");
  if (!out_flag || out_flag->empty()) return UsageError("batch needs --out DIR");
  size_t jobs = std::max(1u, std::thread::hardware_concurrency());
  if (auto text = arguments->Flag("--jobs")) {
    const auto number = ParseNumber(*text, 1, kMaxJobs);
    if (!number) return UsageError("--jobs must be a number from 1 to 256");
    jobs = static_cast<size_t>(*number);
  }
  const std::string input = arguments->positionals.front();
  const std::optional<std::string> body = ReadRequest(input);
  if (!body) return kExitUsage;
  std::vector<batch::BatchItemText> items;
  if (batch::LooksLikeJsonArray(*body)) {
    auto split = batch::SplitJsonArray(*body);
    if (!split.ok()) {
      std::cerr << "error: " << input << ": " << split.status().message() << "\n";
      return kExitUsage;
    }
    items = std::move(*split);
  } else {
    items = batch::SplitJsonLines(*body);
  }
  if (items.empty()) {
    std::cerr << "error: " << input << " holds no requests\n";
    return kExitUsage;
  }

  const fs::path out = *out_flag;
  std::error_code fs_error;
  fs::create_directories(out, fs_error);
  if (fs_error || !fs::is_directory(out, fs_error))
    return UsageError("cannot create the folder " + out.string());
  const auto root = server::FindResourceRoot(arguments->Flag("--root"));
  if (!root.ok()) {
    PrintStatus(root.status());
    return kExitRejected;
  }
  const auto engine = LoadEngine(root->string());
  if (!engine) return kExitRejected;
  auto notes = batch::CoverNotes::Load(*root / "letter_templates");
  if (!notes.ok()) {
    PrintStatus(notes.status());
    return kExitRejected;
  }

  const std::map<std::string, Written> previous = PreviousRun(out);
  const batch::AlreadyWritten already_written = [&](BatchEntry& entry) {
    const auto it = previous.find(entry.fingerprint);
    if (it == previous.end() || it->second.file != entry.file ||
        it->second.email_file != entry.email_file)
      return false;
    if (!FileHasHash(out / entry.file, it->second.sha256)) return false;
    if (!entry.email_file.empty() && !fs::exists(out / entry.email_file)) return false;
    entry.sha256 = it->second.sha256;
    entry.effective_end_date = it->second.effective_end_date;
    entry.route = it->second.route;
    return true;
  };

  const bool bar = !arguments->Flag("--no-progress") && ::isatty(STDERR_FILENO);
  Progress progress(items.size(), bar);
  std::vector<batch::ManifestItem> manifest;
  manifest.reserve(items.size());
  Status write_failure;
  batch::RunInOrder<BatchEntry>(
      items.size(), jobs, 2 * jobs,
      [&](size_t i) {
        return batch::ProduceBatchEntry(*engine, *notes, items[i], i, already_written);
      },
      [&](size_t, BatchEntry& entry) {
        if (entry.outcome == BatchEntry::Outcome::kOk) {
          Status status = WriteFileAtomically(out / entry.file, entry.pdf);
          if (status.ok() && !entry.email_file.empty())
            status = WriteFileAtomically(out / entry.email_file, entry.eml);
          if (!status.ok()) {
            entry.outcome = BatchEntry::Outcome::kFailed;
            entry.errors = {{"", status.message()}};
            if (write_failure.ok()) write_failure = status;
          }
        }
        entry.pdf = std::string();
        entry.eml = std::string();
        progress.Item(entry, input);
        manifest.push_back(std::move(entry));
      });
  progress.Finish();

  const Status written = WriteFileAtomically(out / batch::kManifestName,
                                             batch::ManifestJson(manifest));
  if (!written.ok()) {
    PrintStatus(written);
    return kExitRejected;
  }
  size_t counts[4] = {0, 0, 0, 0};
  for (const batch::ManifestItem& entry : manifest) ++counts[static_cast<int>(entry.outcome)];
  std::cerr << manifest.size() << " requests: " << counts[0] << " written, " << counts[1]
            << " skipped (already written), " << counts[2] << " rejected";
  if (counts[3]) std::cerr << ", " << counts[3] << " failed";
  std::cerr << "; manifest in " << (out / batch::kManifestName).string() << "\n";
  return counts[2] + counts[3] == 0 ? kExitOk : kExitRejected;
}

}  // namespace parting::cli
