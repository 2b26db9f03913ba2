// WritePdf: PageTree -> PDF bytes with libharu. Draws, never measures.
//
// Embeds the PageTree's fonts, writes metadata and compressed streams, and
// gives identical bytes for an identical PageTree. Thread-safe (one libharu
// document per call).
#pragma once

#include <string>

#include "layout/page_tree.h"
#include "parting/status.h"

namespace parting::pdf {

Result<std::string> WritePdf(const layout::PageTree& tree);

}  // namespace parting::pdf
