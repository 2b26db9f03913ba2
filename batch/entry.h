// One item of a batch, from its text to what the archive and the manifest
// hold: the PDF, the optional e-mail and the manifest facts; or, for an item
// that cannot become a letter, its errors with pointers relative to the item.
//
// Shared by POST /v1/letters/batch, `parting batch` and the job service.
// ProduceBatchEntry() is thread-safe (the engine is) and never throws; a
// BatchEntry is a plain value. Once its bytes are written, keep only the
// ManifestItem part (slicing frees the bytes):
//
//   BatchEntry entry = ProduceBatchEntry(*engine, notes, items[i], i);
//   if (entry.outcome == ManifestItem::Outcome::kOk) zip.Add(entry.file, entry.pdf,
//   entry.letter_date); manifest.push_back(std::move(entry));  // a ManifestItem: no bytes
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "batch/items.h"
#include "batch/letter_email.h"
#include "batch/manifest.h"
#include "parting/engine.h"
#include "parting/status.h"

namespace parting::batch {

struct BatchEntry : ManifestItem {
  std::string pdf;  ///< the bytes, until written (kOk only)
  std::string eml;  ///< when email_file is set (kOk only)
  /// For kFailed: what went wrong inside, for the operator's log (the
  /// manifest only says that the letter could not be produced).
  std::string failure;
  /// The letter's language code ("en") once the request parsed, else "";
  /// not in the manifest (for counting letters by language).
  std::string language;
};

/// The file name of item `index` (0-based): its number from 1, four digits
/// at least, then the recipient and letter date as in DownloadFileName():
/// "0001-muller-sohne-ag-2026-11-22" plus `extension` (".pdf").
std::string BatchFileName(std::size_t index, const LetterRequest& request,
                          std::string_view extension);

/// Called once an item has parsed, with file, email_file and fingerprint
/// set; returning true marks the item kSkipped (with the facts the callback
/// filled in) instead of rendering it again. Runs on the producing thread.
using AlreadyWritten = std::function<bool(BatchEntry&)>;

/// Parses, renders and (when asked for) builds the e-mail of one item. Never
/// fails as a whole and never throws: problems (an exception of the engine
/// included) become the entry's outcome and errors.
BatchEntry ProduceBatchEntry(const Engine& engine, const CoverNotes& notes,
                             const BatchItemText& item, std::size_t index,
                             const AlreadyWritten& already_written = {}) noexcept;

/// An entry for item `index` that failed outside the engine (a time limit,
/// a full queue): kFailed with `message` for the manifest and the log.
BatchEntry FailedEntry(const BatchItemText& item, std::size_t index, std::string message);

/// The FailedEntry() of an item whose letter took longer than `limit` (the
/// service's --request-timeout-ms): the same words for the synchronous batch
/// and for a job's item, so that their manifests agree.
BatchEntry TimedOutEntry(const BatchItemText& item, std::size_t index,
                         std::chrono::milliseconds limit);

}  // namespace parting::batch
