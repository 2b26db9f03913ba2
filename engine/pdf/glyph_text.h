// GlyphTexts: which text each drawn glyph stands for, for the fonts'
// ToUnicode maps.
//
// A glyph that is a cluster by itself maps to that cluster's text (a
// ligature to all its characters). A glyph seen with several texts (a space
// glyph drawn for U+0020 and U+00A0) maps to the text it stands for most
// often; where it stands for another, or where a cluster is several glyphs
// (Thai sara am with a tone mark), the content stream says the text with
// /ActualText instead. Deterministic: ties go to the smaller text.
//
// Every glyph drawn gets an entry (PDF/UA-1, 7.21.7), also one that is only
// ever part of a cluster of several glyphs, an inserted hyphen or an
// artifact's glyph: see glyph_fallback.h for how those are chosen.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "layout/page_tree.h"

namespace parting::pdf {

/// Per font of `tree` (by index): glyph id -> text.
std::vector<std::map<uint32_t, std::string>> GlyphTexts(const layout::PageTree& tree);

}  // namespace parting::pdf
