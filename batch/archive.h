// A batch as one ZIP: the PDF (and .eml) of each item in batch order, then
// manifest.json. Used by POST /v1/letters/batch and the job service.
//
// ArchiveWriter is the writing half alone, for a caller that produces the
// entries itself (a job worker resuming a batch): hand it the entries in
// batch order, then Finish(). It writes each entry whole as it comes, frees
// its bytes and keeps only the manifest facts, so memory does not grow with
// the batch. Entries are dated with their letter date (the manifest with the
// first written letter's), so the same entries give the same bytes.
//
//   ArchiveWriter archive(out);
//   for (size_t i = 0; i < items.size(); ++i)
//     if (Status s = archive.Add(ProduceBatchEntry(*engine, notes, items[i], i)); !s.ok()) return
//     s;
//   Status done = archive.Finish();
//
// WriteBatchArchive() is both halves: items are produced on `jobs` threads
// (RunInOrder, ordered_parallel.h; at most 2 × jobs letters held at once)
// and written in order as each becomes ready. It stops at the first failed
// write (the client went away) or when `stop_reason` says so (a deadline, a
// shutdown), and tells which. Neither class nor function is thread-safe for
// one stream; distinct streams are independent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "batch/entry.h"
#include "batch/items.h"
#include "batch/letter_email.h"
#include "batch/manifest.h"
#include "batch/zip_writer.h"
#include "parting/engine.h"
#include "parting/status.h"

namespace parting::batch {

class ArchiveWriter {
 public:
  explicit ArchiveWriter(std::ostream& out) : out_(out), zip_(out) {}

  /// Writes the entry's files when it is kOk (a kSkipped entry has no bytes
  /// and only joins the manifest), flushes the stream and keeps the
  /// manifest facts. Internal when the stream fails: the archive is then
  /// incomplete (no central directory), which every ZIP reader notices.
  Status Add(BatchEntry entry);

  /// Writes manifest.json and the central directory.
  Status Finish();

  /// Bytes the stream accepted (up to the last successful flush).
  std::uint64_t bytes_written() const { return flushed_; }
  const std::vector<ManifestItem>& manifest() const { return manifest_; }

 private:
  std::ostream& out_;
  ZipWriter zip_;
  std::vector<ManifestItem> manifest_;
  std::uint64_t flushed_ = 0;
};

struct ArchiveOptions {
  std::size_t jobs = 1;  ///< threads producing entries
  /// How item i becomes an entry, called on a producing thread; must not
  /// throw. Unset: ProduceBatchEntry(engine, notes, items[i], i) right there.
  std::function<BatchEntry(std::size_t index)> produce;
  /// Asked before each entry is written: a reason to stop ("the server is
  /// stopping"), or "" to go on. Unset: never stops.
  std::function<std::string()> stop_reason;
  /// Called with each entry as it is written, before its bytes are freed
  /// (counting, logging). Unset: nothing.
  std::function<void(const BatchEntry&)> on_entry;
};

struct ArchiveResult {
  Status status;                    ///< Ok: the archive is complete
  bool stopped = false;             ///< stop_reason ended it (status says why)
  std::uint64_t bytes_written = 0;  ///< accepted by the stream
  ManifestTotals totals;            ///< of the entries written
};

ArchiveResult WriteBatchArchive(const Engine& engine, const CoverNotes& notes,
                                const std::vector<BatchItemText>& items,
                                const ArchiveOptions& options, std::ostream& out);

}  // namespace parting::batch
