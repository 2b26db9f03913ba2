// FontSet: the font files a letter is set in, opened once for HarfBuzz.
//
// The same files are handed to the PDF stage for embedding, so what layout
// measures is what the PDF draws. Immutable after Load(); HarfBuzz fonts are
// safe to shape with from many threads.
#pragma once

#include <hb.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "layout/page_tree.h"
#include "parting/status.h"

namespace parting::layout {

enum class FontStyle { kRegular = 0, kBold = 1, kItalic = 2 };

/// One opened font file.
class FontFace {
 public:
  static Result<std::unique_ptr<FontFace>> Open(const std::filesystem::path& path);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  hb_font_t* hb() const { return font_; }
  int units_per_em() const { return upem_; }
  const FontRef& ref() const { return ref_; }
  /// Advance of `glyph` at 1 pt, as a PDF viewer computes it from the font's
  /// widths (hmtx): the position libharu moves to after drawing the glyph.
  double NominalAdvance(hb_codepoint_t glyph) const;
  /// Ascender and descender at 1 pt (descender negative).
  double ascender() const { return ascender_; }
  double descender() const { return descender_; }

 private:
  FontFace() = default;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  int upem_ = 1000;
  double ascender_ = 0.0;
  double descender_ = 0.0;
  FontRef ref_;
};

class FontSet {
 public:
  /// Opens NotoSans-{Regular,Bold,Italic}.ttf from `dir`.
  static Result<std::shared_ptr<const FontSet>> Load(const std::filesystem::path& dir);
  const FontFace& face(FontStyle style) const { return *faces_[static_cast<int>(style)]; }
  /// The fonts in PageTree order: index = static_cast<int>(FontStyle).
  std::vector<FontRef> refs() const;

 private:
  std::vector<std::unique_ptr<FontFace>> faces_;
};

}  // namespace parting::layout
