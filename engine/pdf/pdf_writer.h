// WritePdf: PageTree -> PDF bytes. Draws, never measures.
//
// Each font the pages use is cut to the glyphs they draw (font_subset) and
// embedded as a Type 0 font with a ToUnicode map from the runs' clusters
// (glyph_text, to_unicode, font_embed); each page's glyphs are drawn by CID
// at layout's positions (content_stream). libharu writes the document:
// pages, rules, notes, metadata, compressed streams. Identical bytes for an
// identical PageTree. Thread-safe (one libharu document per call; the font
// faces are shared read-only).
#pragma once

#include <string>

#include "layout/page_tree.h"
#include "parting/status.h"

namespace parting::pdf {

struct WriteOptions {
  /// An archive copy: PDF/A-2b (pdf/archive.h).
  bool archive = false;
};

Result<std::string> WritePdf(const layout::PageTree& tree, const WriteOptions& options = {});

}  // namespace parting::pdf
