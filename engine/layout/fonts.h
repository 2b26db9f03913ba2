// FontSet: the font files a letter is set in, opened once for HarfBuzz.
//
// The same files are handed to the PDF stage for embedding, so what layout
// measures is what the PDF draws. Immutable after Load(); HarfBuzz fonts are
// safe to shape with from many threads.
#pragma once

#include <hb.h>

#include <filesystem>
#include <map>
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
  /// The code point that draws `glyph` (the font's cmap read backwards), 0
  /// when no code point reaches it. Prefers `preferred` when it maps there.
  uint32_t CodeFor(hb_codepoint_t glyph, uint32_t preferred) const;
  /// The glyph named `name`, or 0. Names come from a sidecar file next to the
  /// font (NAME.glyphs: one name per glyph, in glyph order) when there is one
  /// — fonts cut for embedding carry no names, which libharu would copy into
  /// every PDF — else from the font's post table.
  hb_codepoint_t GlyphNamed(const std::string& name) const;
  std::string GlyphName(hb_codepoint_t glyph) const;
  /// Whether `c` has a glyph in this font.
  bool Covers(uint32_t c) const;

 private:
  FontFace() = default;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  int upem_ = 1000;
  std::map<hb_codepoint_t, uint32_t> code_of_glyph_;
  std::vector<std::string> names_;                        // from the sidecar
  std::map<std::string, hb_codepoint_t, std::less<>> glyph_of_name_;
  FontRef ref_;
};

/// Which file each piece of text is set in. Index = position in refs().
class FontSet {
 public:
  /// Opens NotoSans-{Regular,Bold,Italic}.ttf and PartingThai-{Regular,Bold}.ttf
  /// from `dir`.
  static Result<std::shared_ptr<const FontSet>> Load(const std::filesystem::path& dir);
  const FontFace& face(int index) const { return *faces_[index]; }
  /// The font for character `c` in `style`: Thai letters in the Thai font
  /// (regular for italic: Thai has no italic), everything else in Noto Sans.
  int Pick(FontStyle style, uint32_t c) const;
  std::vector<FontRef> refs() const;

 private:
  std::vector<std::unique_ptr<FontFace>> faces_;
};

}  // namespace parting::layout
