// WriteBatchArchive: a batch's items → a ZIP on an output stream, item by item.
//
// Items are rendered on `jobs` threads (the engine is thread-safe) and
// written in batch order as each becomes ready: for item i its PDF, then its
// .eml when asked for; manifest.json comes last. At most 2 × jobs letters
// are held in memory at once, whatever the batch size. Entries are dated
// with their letter date (the manifest with the first letter's), so the same
// batch gives the same bytes. Thread-safe for distinct streams.
#pragma once

#include <cstddef>
#include <ostream>
#include <vector>

#include "parting/engine.h"
#include "parting/status.h"
#include "server/batch_items.h"
#include "server/letter_email.h"

namespace parting::server {

inline constexpr char kManifestName[] = "manifest.json";

/// Returns Internal when the stream fails (the client went away); the archive
/// is then incomplete (no central directory), which every ZIP reader notices.
Status WriteBatchArchive(const Engine& engine, const CoverNotes& notes,
                         const std::vector<BatchItemText>& items, std::size_t jobs,
                         std::ostream& out);

}  // namespace parting::server
