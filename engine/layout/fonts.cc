#include "layout/fonts.h"

#include <hb-ot.h>

#include <fstream>

namespace parting::layout {

Result<std::unique_ptr<FontFace>> FontFace::Open(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Status::NotFound("font file not found: " + path.string());
  std::unique_ptr<FontFace> f(new FontFace());
  f->blob_ = hb_blob_create_from_file(path.c_str());
  if (hb_blob_get_length(f->blob_) == 0) return Status::Internal("cannot read font " + path.string());
  f->face_ = hb_face_create(f->blob_, 0);
  f->upem_ = static_cast<int>(hb_face_get_upem(f->face_));
  f->font_ = hb_font_create(f->face_);
  // Shape in font units; callers scale by size / upem.
  hb_font_set_scale(f->font_, f->upem_, f->upem_);
  hb_font_make_immutable(f->font_);

  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(f->face_, unicodes);
  for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &c);) {
    hb_codepoint_t glyph;
    if (hb_font_get_nominal_glyph(f->font_, c, &glyph)) f->code_of_glyph_.emplace(glyph, c);
  }
  hb_set_destroy(unicodes);

  std::filesystem::path sidecar = path;
  sidecar.replace_extension(".glyphs");
  if (std::ifstream names(sidecar); names) {
    for (std::string line; std::getline(names, line);) {
      f->glyph_of_name_.emplace(line, static_cast<hb_codepoint_t>(f->names_.size()));
      f->names_.push_back(std::move(line));
    }
    if (f->names_.size() != hb_face_get_glyph_count(f->face_))
      return Status::Internal(sidecar.string() + ": " + std::to_string(f->names_.size()) +
                              " names for " + std::to_string(hb_face_get_glyph_count(f->face_)) +
                              " glyphs; regenerate it with the font");
  }

  char name[128] = {0};
  unsigned size = sizeof name;
  hb_ot_name_get_utf8(f->face_, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name);
  f->ref_.postscript_name = name;
  f->ref_.path = std::filesystem::absolute(path).string();
  if (f->ref_.postscript_name.empty())
    return Status::Internal("font has no PostScript name: " + path.string());
  return f;
}

FontFace::~FontFace() {
  hb_font_destroy(font_);
  hb_face_destroy(face_);
  hb_blob_destroy(blob_);
}

double FontFace::NominalAdvance(hb_codepoint_t glyph) const {
  // libharu writes widths truncated to whole thousandths of an em.
  const double units = hb_font_get_glyph_h_advance(font_, glyph);
  const double per_mille = static_cast<double>(static_cast<long>(units * 1000.0 / upem_));
  return per_mille / 1000.0;
}

uint32_t FontFace::CodeFor(hb_codepoint_t glyph, uint32_t preferred) const {
  hb_codepoint_t mapped;
  if (preferred && hb_font_get_nominal_glyph(font_, preferred, &mapped) && mapped == glyph)
    return preferred;
  auto it = code_of_glyph_.find(glyph);
  return it == code_of_glyph_.end() ? 0 : it->second;
}

hb_codepoint_t FontFace::GlyphNamed(const std::string& name) const {
  if (!names_.empty()) {
    auto it = glyph_of_name_.find(name);
    return it == glyph_of_name_.end() ? 0 : it->second;
  }
  hb_codepoint_t glyph = 0;
  return hb_font_get_glyph_from_name(font_, name.c_str(), static_cast<int>(name.size()), &glyph)
             ? glyph
             : 0;
}

std::string FontFace::GlyphName(hb_codepoint_t glyph) const {
  if (!names_.empty()) return glyph < names_.size() ? names_[glyph] : std::string();
  char name[96] = {0};
  hb_font_get_glyph_name(font_, glyph, name, sizeof name);
  return name;
}

bool FontFace::Covers(uint32_t c) const {
  hb_codepoint_t glyph;
  return hb_font_get_nominal_glyph(font_, c, &glyph);
}

namespace {
constexpr const char* kFiles[] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                                  "NotoSans-Italic.ttf", "PartingThai-Regular.ttf",
                                  "PartingThai-Bold.ttf"};
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
  for (const auto& f : faces_) out.push_back(f->ref());
  return out;
}

}  // namespace parting::layout
