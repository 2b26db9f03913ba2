// One item of a batch, from its text to what the archive and the manifest
// hold: the PDF, the optional e-mail and the manifest facts; or, for an item
// that cannot become a letter, its errors with pointers relative to the item.
//
// Shared by POST /v1/letters/batch and `parting batch`. ProduceBatchEntry()
// is thread-safe (the engine is); a BatchEntry is a plain value.
//
//   BatchEntry entry = ProduceBatchEntry(*engine, notes, items[i], i);
//   if (entry.ok()) zip.Add(entry.file, entry.pdf, entry.letter_date);
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "parting/engine.h"
#include "parting/status.h"
#include "server/batch_items.h"
#include "server/letter_email.h"

namespace parting::server {

struct BatchEntry {
  enum class Outcome {
    kOk,        ///< written (pdf, and eml when asked for)
    kSkipped,   ///< already written by an earlier run (command line only)
    kRejected,  ///< unparseable or invalid: see errors
    kFailed,    ///< the engine failed (a broken installation): see errors
  };
  std::size_t index = 0;  ///< 0-based position in the batch
  std::size_t line = 1;   ///< 1-based line where the item starts
  Outcome outcome = Outcome::kRejected;
  std::vector<FieldError> errors;  ///< pointers relative to the item

  std::string file;        ///< "0001-muller-sohne-ag-2026-11-22.pdf"
  std::string email_file;  ///< "0001-….eml" when delivery.email asks for one
  std::string sha256;      ///< of the PDF, lowercase hex
  std::string effective_end_date;
  std::string route;
  std::string fingerprint;
  Date letter_date{1980, 1, 1};

  std::string pdf;  ///< the bytes, until written
  std::string eml;

  bool ok() const { return outcome == Outcome::kOk || outcome == Outcome::kSkipped; }
};

/// "ok", "skipped", "rejected", "failed".
std::string_view OutcomeName(BatchEntry::Outcome outcome);

/// The file name of item `index` (0-based): its number from 1, four digits
/// at least, then the recipient and letter date as in DownloadFileName():
/// "0001-muller-sohne-ag-2026-11-22" plus `extension` (".pdf").
std::string BatchFileName(std::size_t index, const LetterRequest& request,
                          std::string_view extension);

/// Called once an item has parsed, with file, email_file and fingerprint
/// set; returning true marks the item kSkipped (with the facts the callback
/// filled in) instead of rendering it again.
using AlreadyWritten = std::function<bool(BatchEntry&)>;

/// Parses, renders and (when asked for) builds the e-mail of one item. Never
/// fails as a whole: problems become the entry's outcome and errors.
BatchEntry ProduceBatchEntry(const Engine& engine, const CoverNotes& notes,
                             const BatchItemText& item, std::size_t index,
                             const AlreadyWritten& already_written = {});

/// SHA-256 of `bytes`, lowercase hex.
std::string Sha256Hex(std::string_view bytes);

/// manifest.json: {"items":[…], "totals":{"items","ok","skipped","rejected",
/// "failed"}}, items in batch order, keys in a stable order, compact JSON
/// with a final newline.
std::string ManifestJson(const std::vector<BatchEntry>& entries);

}  // namespace parting::server
