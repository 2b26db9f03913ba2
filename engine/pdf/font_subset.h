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
#include <memory>
#include <string>
#include <vector>

#include "layout/fonts.h"
#include "parting/status.h"

namespace parting::pdf {

struct FontSubset {
  std::string program;                 ///< the cut TrueType file
  std::string deflated;                ///< `program` as a zlib stream (FontFile2's bytes)
  /// The FontFile2 stream object's body ("<<...>>\nstream\n...endstream\n"),
  /// made once, written as it is (font_embed.h's StreamsAside).
  std::string file_object;
  std::map<uint32_t, uint16_t> cid_of;  ///< original glyph id -> CID (= subset glyph id)
  /// The same, flat for drawing: index original glyph id, 0 (.notdef) where
  /// the subset lacks the glyph.
  std::vector<uint16_t> cid_by_glyph;
  std::vector<int> widths;             ///< advance per CID, thousandths of an em
  std::string tag;  ///< six capitals derived from the glyph set (ABCDEF), same set same tag

  uint16_t Cid(uint32_t glyph) const {
    return glyph < cid_by_glyph.size() ? cid_by_glyph[glyph] : 0;
  }
};

/// Cuts `face` to `glyphs` (ascending, each once; plus .notdef and the components composite glyphs
/// need). Fails only when HarfBuzz cannot subset the font.
Result<FontSubset> CutFont(const layout::FontFace& face, const std::vector<uint32_t>& glyphs);

/// CutFont(), kept per process in a bounded, thread-safe cache keyed by the
/// face and the glyph set: letters of a batch mostly draw the same glyphs,
/// and cutting and compressing a font is the largest cost of writing a PDF.
Result<std::shared_ptr<const FontSubset>> CutFontCached(const layout::FontFace& face,
                                                        const std::vector<uint32_t>& glyphs);

}  // namespace parting::pdf
