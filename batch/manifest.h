// The manifest of a batch: what became of each item, as manifest.json.
//
// A ManifestItem is one item's facts without its bytes (the PDF and .eml
// live in BatchEntry, entry.h, only until they are written), so a manifest
// of thousands of items stays small. ManifestJson() writes the file the ZIP
// of POST /v1/letters/batch ends with and `parting batch` keeps in its
// folder; ParseManifest() reads one back (a re-run skips what it lists as
// written). Pure functions, thread-safe.
//
//   std::vector<ManifestItem> items;  // in batch order
//   items.push_back(entry);           // slices the bytes off
//   std::string json = ManifestJson(items);
//   Result<std::vector<ManifestItem>> again = ParseManifest(json);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "parting/date.h"
#include "parting/status.h"

namespace parting::batch {

inline constexpr char kManifestName[] = "manifest.json";

struct ManifestItem {
  enum class Outcome {
    kOk,        ///< written (pdf, and eml when asked for)
    kSkipped,   ///< already written by an earlier run (command line only)
    kRejected,  ///< unparseable or invalid: see errors
    kFailed,    ///< the engine failed, or the output could not be written
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
  Date letter_date{1980, 1, 1};  ///< not in the manifest: dates the ZIP entries

  bool ok() const { return outcome == Outcome::kOk || outcome == Outcome::kSkipped; }
};

/// "ok", "skipped", "rejected", "failed".
std::string_view OutcomeName(ManifestItem::Outcome outcome);

/// Items per outcome, in the order of the Outcome enum.
struct ManifestTotals {
  std::size_t counts[4] = {0, 0, 0, 0};
  std::size_t ok() const { return counts[0]; }
  std::size_t skipped() const { return counts[1]; }
  std::size_t rejected() const { return counts[2]; }
  std::size_t failed() const { return counts[3]; }
  void Count(ManifestItem::Outcome outcome) { ++counts[static_cast<int>(outcome)]; }
};

ManifestTotals Totals(const std::vector<ManifestItem>& items);

/// manifest.json: {"items":[…], "totals":{"items","ok","skipped","rejected",
/// "failed"}}, items in the given order, keys in a stable order, compact
/// JSON with a final newline. Text that is not UTF-8 becomes U+FFFD.
std::string ManifestJson(const std::vector<ManifestItem>& items);

/// The items of a manifest written by ManifestJson() (letter_date is not
/// stored and stays 1980-01-01). kUnparseable when it is no such manifest.
Result<std::vector<ManifestItem>> ParseManifest(std::string_view json);

}  // namespace parting::batch
