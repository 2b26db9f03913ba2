// FontSet: the font files a letter is set in, each opened once per process.
//
// Layout shapes with a face's HarfBuzz font; the PDF stage cuts the same
// face down to the glyphs a letter uses and embeds that, so what layout
// measures is what the PDF draws, and no font file is parsed per letter.
// Immutable after Load(); HarfBuzz faces and fonts are safe to use from many
// threads.
#pragma once

#include <hb.h>

#include <cstdint>
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
  static Result<std::shared_ptr<FontFace>> Open(const std::filesystem::path& path);
  ~FontFace();
  FontFace(const FontFace&) = delete;
  FontFace& operator=(const FontFace&) = delete;

  hb_font_t* hb() const { return font_; }
  hb_face_t* hb_face() const { return face_; }
  int units_per_em() const { return upem_; }
  /// Unique per opened face in this process (a cache key that never
  /// outlives its face's identity, unlike an address).
  uint64_t id() const { return id_; }
  const std::string& postscript_name() const { return postscript_name_; }
  const std::string& path() const { return path_; }
  /// Whether `c` has a glyph in this font.
  bool Covers(uint32_t c) const;

 private:
  FontFace() = default;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* font_ = nullptr;
  int upem_ = 1000;
  uint64_t id_ = 0;
  std::string postscript_name_;
  std::string path_;
};

/// Which file each piece of text is set in. Index = position in refs().
class FontSet {
 public:
  /// Opens NotoSans-{Regular,Bold,Italic}.ttf and NotoSansThai-{Regular,Bold}.ttf
  /// from `dir`.
  static Result<std::shared_ptr<const FontSet>> Load(const std::filesystem::path& dir);
  const FontFace& face(int index) const { return *faces_[index]; }
  /// The font for character `c` in `style`: Thai letters in the Thai font
  /// (regular for italic: Thai has no italic), everything else in Noto Sans.
  int Pick(FontStyle style, uint32_t c) const;
  std::vector<FontRef> refs() const;

 private:
  std::vector<std::shared_ptr<FontFace>> faces_;
};

}  // namespace parting::layout
