#include "server/batch_archive.h"

#include <stdexcept>

#include "server/batch_entry.h"
#include "server/ordered_parallel.h"
#include "server/zip_writer.h"

namespace parting::server {
namespace {

// Carries a failed write out of RunInOrder, which then stops its workers.
struct StreamFailed : std::runtime_error {
  explicit StreamFailed(const Status& status) : std::runtime_error(status.message()) {}
};

}  // namespace

Status WriteBatchArchive(const Engine& engine, const CoverNotes& notes,
                         const std::vector<BatchItemText>& items, std::size_t jobs,
                         std::ostream& out) {
  ZipWriter zip(out);
  std::vector<BatchEntry> manifest;
  manifest.reserve(items.size());
  try {
    RunInOrder<BatchEntry>(
        items.size(), jobs, 2 * jobs,
        [&](std::size_t i) { return ProduceBatchEntry(engine, notes, items[i], i); },
        [&](std::size_t, BatchEntry& entry) {
          if (entry.ok()) {
            Status status = zip.Add(entry.file, entry.pdf, entry.letter_date);
            if (status.ok() && !entry.email_file.empty())
              status = zip.Add(entry.email_file, entry.eml, entry.letter_date);
            if (!status.ok()) throw StreamFailed(status);
          }
          entry.pdf = std::string();
          entry.eml = std::string();
          manifest.push_back(std::move(entry));
        });
  } catch (const StreamFailed& e) {
    return Status::Internal(e.what());
  }
  Date date{1980, 1, 1};
  for (const BatchEntry& entry : manifest)
    if (entry.ok()) {
      date = entry.letter_date;
      break;
    }
  Status status = zip.Add(kManifestName, ManifestJson(manifest), date);
  if (status.ok()) status = zip.Finish();
  return status;
}

}  // namespace parting::server
