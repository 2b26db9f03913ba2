// A page as PDF content-stream operators: its rules (fold and punch marks,
// hairlines, a redline's strokes), then its text, glyphs by CID with
// HarfBuzz's positions.
//
// Each run is placed with Td and drawn with TJ: between two glyphs, the
// difference between where layout put the next glyph and where the font's
// /W width would leave the pen becomes a TJ adjustment (kerning, justified
// spaces, mark offsets); a glyph raised or lowered (a Thai mark) is drawn
// with text rise (Ts). Where the ToUnicode map cannot give a piece's text
// back (several glyphs for one piece of text, a glyph mapped to another
// text, an inserted hyphen standing for no text, a letter with marks moved
// off the pen) the piece is wrapped in /Span <</ActualText ...>> BDC ... EMC.
// Artifact runs (a draft's diagonal mark) are drawn first, under the text,
// as /Artifact marked content with an empty ActualText, so copying and
// searching never see them. Pure string building: no libharu, thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "layout/page_tree.h"
#include "pdf/font_subset.h"

namespace parting::pdf {

/// What drawing needs of one embedded font; null `subset` for a font the
/// document does not use.
struct DrawFont {
  std::string resource;  ///< its name in the page's /Font resources
  const FontSubset* subset = nullptr;
  const std::map<uint32_t, std::string>* texts = nullptr;  ///< its ToUnicode map, by glyph id
  /// The same, flat for drawing: index glyph id, null where the map has none.
  std::vector<const std::string*> text_of_glyph;

  const std::string* Text(uint32_t glyph) const {
    return glyph < text_of_glyph.size() ? text_of_glyph[glyph] : nullptr;
  }
};

struct PageMarks;  // pdf/structure.h

/// The operators drawing `page`: its rules, then every text run (q ... Q:
/// the graphics state around them is left as it was). With `marks` (a
/// tagged PDF), the rules are an artifact, each stretch of runs of one
/// structure element is a marked-content sequence with the page's next
/// MCID, noted in `marks`, and runs of no element are artifacts.
std::string PageOperators(const layout::Page& page, const std::vector<DrawFont>& fonts,
                          PageMarks* marks = nullptr);

}  // namespace parting::pdf
