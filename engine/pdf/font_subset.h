// FontSubset: one font cut down, with HarfBuzz's subsetter, to the glyphs a
// letter draws; what the PDF embeds as a CIDFontType2 program.
//
// The subset's glyph ids are the CIDs (the PDF maps CIDs to glyphs by
// identity): glyph 0 stays .notdef, the others keep their order. Hinting,
// layout tables and glyph names are dropped: the PDF positions every glyph
// itself. Thread-safe (HarfBuzz faces are immutable and shareable).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "layout/fonts.h"
#include "parting/status.h"

namespace parting::pdf {

struct FontSubset {
  std::string program;                 ///< the cut TrueType file
  std::map<uint32_t, uint16_t> cid_of;  ///< original glyph id -> CID (= subset glyph id)
  std::vector<int> widths;             ///< advance per CID, thousandths of an em
  std::string tag;  ///< six capitals derived from the glyph set (ABCDEF), same set same tag
};

/// Cuts `face` to `glyphs` (plus .notdef and the components composite glyphs
/// need). Fails only when HarfBuzz cannot subset the font.
Result<FontSubset> CutFont(const layout::FontFace& face, const std::set<uint32_t>& glyphs);

}  // namespace parting::pdf
