#include "batch/archive.h"

#include <stdexcept>

#include "batch/ordered_parallel.h"

namespace parting::batch {
namespace {

// Carries a failed write or a stop out of RunInOrder, which then stops its
// workers after their current item.
struct Interrupted : std::runtime_error {
  Interrupted(const Status& status, bool stopped)
      : std::runtime_error(status.message()), stopped(stopped) {}
  bool stopped;
};

}  // namespace

Status ArchiveWriter::Add(BatchEntry entry) {
  if (entry.outcome == ManifestItem::Outcome::kOk) {
    Status status = zip_.Add(entry.file, entry.pdf, entry.letter_date);
    if (status.ok() && !entry.email_file.empty())
      status = zip_.Add(entry.email_file, entry.eml, entry.letter_date);
    // A stream buffers: only a flush tells whether the bytes went out.
    if (status.ok() && !out_.flush()) status = Status::Internal("zip: the output stream failed");
    if (!status.ok()) return status;
    flushed_ = zip_.size();
  }
  manifest_.push_back(std::move(entry));  // the ManifestItem part: the bytes go
  return Status::Ok();
}

Status ArchiveWriter::Finish() {
  Date date{1980, 1, 1};
  for (const ManifestItem& item : manifest_)
    if (item.outcome == ManifestItem::Outcome::kOk) {
      date = item.letter_date;
      break;
    }
  Status status = zip_.Add(kManifestName, ManifestJson(manifest_), date);
  if (status.ok()) status = zip_.Finish();
  if (status.ok()) flushed_ = zip_.size();
  return status;
}

ArchiveResult WriteBatchArchive(const Engine& engine, const CoverNotes& notes,
                                const std::vector<BatchItemText>& items,
                                const ArchiveOptions& options, std::ostream& out) {
  ArchiveWriter archive(out);
  ArchiveResult result;
  std::function<BatchEntry(std::size_t)> produce = options.produce;
  if (!produce)
    produce = [&](std::size_t i) { return ProduceBatchEntry(engine, notes, items[i], i); };
  const std::size_t jobs = std::max<std::size_t>(1, options.jobs);
  try {
    RunInOrder<BatchEntry>(items.size(), jobs, 2 * jobs, produce,
                           [&](std::size_t, BatchEntry& entry) {
                             if (options.stop_reason)
                               if (std::string reason = options.stop_reason(); !reason.empty())
                                 throw Interrupted(Status::Internal(reason), true);
                             if (options.on_entry) options.on_entry(entry);
                             const ManifestItem::Outcome outcome = entry.outcome;
                             Status status = archive.Add(std::move(entry));
                             if (!status.ok()) throw Interrupted(status, false);
                             result.totals.Count(outcome);
                           });
    result.status = archive.Finish();
  } catch (const Interrupted& e) {
    result.status = Status::Internal(e.what());
    result.stopped = e.stopped;
  } catch (const std::exception& e) {  // a producer that threw after all
    result.status = Status::Internal(std::string("batch: ") + e.what());
  }
  result.bytes_written = archive.bytes_written();
  return result;
}

}  // namespace parting::batch
