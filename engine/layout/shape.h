// Shaping: text in one font -> glyphs with advances, through HarfBuzz.
//
// Step two of paragraph layout (collect -> shape -> break -> finalize).
// Ligatures are off: libharu can only draw glyphs by code point, so every
// glyph must stand for whole characters of its cluster. Kerning is on; where
// it moves a glyph, the pieces of the text are drawn as separate runs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "layout/fonts.h"

namespace parting::layout {

/// A stretch of shaped text that libharu can draw with one text-show: every
/// glyph inside advances by its nominal width.
struct DrawPiece {
  size_t begin = 0;  ///< byte offsets into the shaped text
  size_t end = 0;
  double x = 0;      ///< offset from the start of the shaped text, pt
};

struct ShapedText {
  double width = 0;  ///< total advance, pt
  std::vector<DrawPiece> pieces;
};

/// Shapes UTF-8 `text` with `face` at `size` pt. `language` is a BCP 47 tag.
ShapedText Shape(const FontFace& face, double size, std::string_view text, const char* language);

}  // namespace parting::layout
