// Shaping: text in one font -> glyphs by id with HarfBuzz's positions.
//
// Step two of paragraph layout (collect -> shape -> break -> finalize). The
// glyphs carry HarfBuzz's advances and offsets unchanged (kerning, mark
// positioning, ligatures) and the cluster of source text each stands for.
// Clusters are made monotone: where HarfBuzz reorders glyphs (Thai sara am
// after a tone mark), the reordered glyphs share one cluster whose text is
// all the characters they came from, which the PDF writes as ActualText.
//
// Results are cached per process (font, language, text), bounded in memory;
// Shape() is thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "layout/fonts.h"
#include "layout/lru_cache.h"
#include "layout/page_tree.h"

namespace parting::layout {

struct ShapedText {
  double width = 0;  ///< total advance, pt
  std::vector<Glyph> glyphs;  ///< clusters are byte offsets into the shaped text
};

/// Shapes UTF-8 `text` with `face` at `size` pt. `language` is a BCP 47 tag.
ShapedText Shape(const FontFace& face, double size, std::string_view text, const char* language);

/// What the process-wide shaping cache holds and has answered.
LruStats ShapeCacheStats();

}  // namespace parting::layout
