// The one place where jobs call the batch production code (split a body into
// items, produce one item, write the batch ZIP and its manifest). It lives in
// server/ today (batch_entry, batch_items, zip_writer) and is moving to a
// library batch/: only this file's .cc needs repointing then.
//
// A produced item is stored as its manifest facts (entry JSON, which
// EntryFromJson() turns back into the batch's own entry) plus its bytes, so
// that the job's archive is written by the same ZIP writer and manifest code
// as POST /v1/letters/batch and is byte-identical to it. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "jobs/job_store.h"
#include "parting/engine.h"
#include "parting/status.h"

namespace parting::batch {
class CoverNotes;
}

namespace parting::jobs {

/// One item's text in the body and the line it starts on.
struct ItemText {
  std::string_view text;
  std::size_t line = 1;
};

/// The items of a batch body: a JSON array, or JSON Lines when `json_lines`.
/// kUnparseable for a body that is no batch.
Result<std::vector<ItemText>> SplitBatchBody(std::string_view body, bool json_lines);

/// application/x-ndjson or application/jsonl.
bool IsJsonLinesType(std::string_view content_type);

/// Checks an item at creation without rendering it: kPending when it would
/// render, kRejected with its entry (errors by JSON pointer) when not.
NewItem ValidateItem(const Engine& engine, const batch::CoverNotes& notes, const ItemText& item,
                     std::size_t index);

/// Renders a claimed item exactly as the synchronous batch would, under the
/// same time limit: a letter that took longer than `limit` is failed with
/// the batch's message for a timed-out item (batch::TimedOutEntry), without
/// bytes or e-mail. With `send_email`, an item with delivery.email gets
/// email_status "pending" and its SMTP envelope (else "not_requested": the
/// .eml is only stored).
ItemResult ProduceItem(const Engine& engine, const batch::CoverNotes& notes,
                       const ClaimedItem& item, std::chrono::milliseconds limit,
                       bool send_email = false);

/// A claimed item that could be rendered but not stored (the disk is full,
/// the letter too large for the store): failed, without bytes, with `why`.
ItemResult UnstorableItem(const ClaimedItem& item, std::string_view why);

/// SHA-256 of `bytes`, lowercase hex.
std::string Sha256(std::string_view bytes);

/// A finished item's file name ("0001-….pdf"), "" when it has none.
std::string ItemFileName(const ItemSummary& item);
/// A rejected or failed item's errors (pointers relative to the item).
std::vector<FieldError> ItemErrors(const ItemSummary& item);

/// GET /v1/jobs/{id}/manifest: the batch manifest's shape, with items still
/// waiting as "pending" (cancelled ones "cancelled"), each item's
/// email_status, and totals that count pending and cancelled items.
std::string JobManifestJson(const std::vector<ItemSummary>& items);

/// Visits a job's items in index order (JobStore::ForEachItem).
using ItemVisitor = std::function<Status(const std::function<Status(ItemBytes&)>&)>;

/// Writes the archive of a finished job onto `out`: the same bytes as
/// POST /v1/letters/batch for the same body.
Status WriteJobArchive(const ItemVisitor& visit_items, std::ostream& out);

}  // namespace parting::jobs
