// Shaping: text in one font -> what to draw where, through HarfBuzz.
//
// Step two of paragraph layout (collect -> shape -> break -> finalize).
// libharu draws glyphs by code point only and moves the pen by each glyph's
// own width. So shaping ends in "pieces": code points that, drawn one after
// another from the piece's x, land every glyph exactly where HarfBuzz put it.
// Each input character's glyphs (a "unit") are drawn through one code point:
// the character itself when the font's cmap gives HarfBuzz's glyph, else the
// private-use code point of a glyph variant or of a ready-positioned
// composite in the derived font (see fonts/README.md), recorded in
// `to_unicode` with the text it stands for. Kerning or any other move off the
// nominal pen starts a new piece. Ligatures are off.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "layout/fonts.h"

namespace parting::layout {

struct DrawPiece {
  size_t begin = 0;  ///< byte range of the source text it draws
  size_t end = 0;
  double x = 0;      ///< offset from the start of the shaped text, pt
  double dy = 0;     ///< raise above the baseline, pt (fallback marks only)
  double width = 0;  ///< nominal advance of what it draws, pt
  std::string draw;  ///< UTF-8 code points to draw
};

struct ShapedText {
  double width = 0;  ///< total advance, pt
  std::vector<DrawPiece> pieces;
  std::vector<std::pair<uint32_t, std::string>> to_unicode;
};

/// Shapes UTF-8 `text` with `face` at `size` pt. `language` is a BCP 47 tag.
ShapedText Shape(const FontFace& face, double size, std::string_view text, const char* language);

}  // namespace parting::layout
