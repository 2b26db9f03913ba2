#include "layout/fonts.h"

#include <hb-ot.h>

#include <atomic>

namespace parting::layout {

Result<std::shared_ptr<FontFace>> FontFace::Open(const std::filesystem::path& path) {
  static std::atomic<uint64_t> next_id{1};
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Status::NotFound("font file not found: " + path.string());
  std::shared_ptr<FontFace> f(new FontFace());
  f->id_ = next_id++;
  f->blob_ = hb_blob_create_from_file_or_fail(path.c_str());
  if (!f->blob_ || hb_blob_get_length(f->blob_) == 0)
    return Status::Internal("cannot read font " + path.string());
  f->face_ = hb_face_create(f->blob_, 0);
  if (hb_face_get_glyph_count(f->face_) == 0)
    return Status::Internal("not a font file: " + path.string());
  hb_face_make_immutable(f->face_);
  f->upem_ = static_cast<int>(hb_face_get_upem(f->face_));
  f->font_ = hb_font_create(f->face_);
  // Shape in font units; callers scale by size / upem.
  hb_font_set_scale(f->font_, f->upem_, f->upem_);
  hb_font_make_immutable(f->font_);

  char name[128] = {0};
  unsigned size = sizeof name;
  hb_ot_name_get_utf8(f->face_, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name);
  f->postscript_name_ = name;
  f->path_ = std::filesystem::absolute(path).string();
  if (f->postscript_name_.empty())
    return Status::Internal("font has no PostScript name: " + path.string());
  return f;
}

FontFace::~FontFace() {
  hb_font_destroy(font_);
  hb_face_destroy(face_);
  hb_blob_destroy(blob_);
}

bool FontFace::Covers(uint32_t c) const {
  hb_codepoint_t glyph;
  return hb_font_get_nominal_glyph(font_, c, &glyph);
}

namespace {
constexpr const char* kFiles[] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                                  "NotoSans-Italic.ttf", "NotoSansThai-Regular.ttf",
                                  "NotoSansThai-Bold.ttf"};
constexpr int kThaiRegular = 3;
constexpr int kThaiBold = 4;
}  // namespace

Result<std::shared_ptr<const FontSet>> FontSet::Load(const std::filesystem::path& dir) {
  auto set = std::make_shared<FontSet>();
  for (const char* file : kFiles) {
    auto face = FontFace::Open(dir / file);
    if (!face.ok()) return face.status();
    set->faces_.push_back(std::move(*face));
  }
  return std::shared_ptr<const FontSet>(set);
}

int FontSet::Pick(FontStyle style, uint32_t c) const {
  if (c >= 0x0E00 && c <= 0x0E7F) return style == FontStyle::kBold ? kThaiBold : kThaiRegular;
  return static_cast<int>(style);
}

std::vector<FontRef> FontSet::refs() const {
  std::vector<FontRef> out;
  for (const auto& f : faces_) out.push_back({f->postscript_name(), f->path(), f});
  return out;
}

}  // namespace parting::layout
