#include "pdf/font_subset.h"

#include <hb-subset.h>

#include <cmath>

#include "layout/lru_cache.h"
#include "pdf/deflate.h"

namespace parting::pdf {
namespace {

// The subset tag: a hash of the glyph set spelled in six capitals, so that
// the same letter gives the same bytes and different cuts of a font get
// different names (PDF 32000-1, 9.6.4).
std::string Tag(const std::vector<uint32_t>& glyphs) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (uint32_t g : glyphs)
    for (int shift = 0; shift < 32; shift += 8) {
      h ^= (g >> shift) & 0xFF;
      h *= 1099511628211ull;
    }
  std::string tag(6, 'A');
  for (char& c : tag) {
    c = static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

}  // namespace

Result<FontSubset> CutFont(const layout::FontFace& face, const std::vector<uint32_t>& glyphs) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (!input) return Status::Internal("PDF: out of memory subsetting " + face.postscript_name());
  hb_set_t* wanted = hb_subset_input_glyph_set(input);
  for (uint32_t g : glyphs) hb_set_add(wanted, g);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_DESUBROUTINIZE);
  // What a PDF viewer needs of a TrueType program is the outlines and their
  // metrics; everything for shaping or naming glyphs stays behind.
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* table : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "DSIG",
                            "hdmx", "LTSH", "VDMX", "gasp", "vhea", "vmtx", "morx", "feat",
                            // Glyphs are reached by CID; the PDF names the
                            // font and gives its metrics (PDF 32000-1, 9.9).
                            "cmap", "name", "post", "OS/2"})
    hb_set_add(drop, hb_tag_from_string(table, 4));
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(face.hb_face(), input);
  hb_subset_input_destroy(input);
  if (!plan) return Status::Internal("PDF: cannot plan a subset of " + face.postscript_name());
  hb_face_t* cut = hb_subset_plan_execute_or_fail(plan);
  if (!cut) {
    hb_subset_plan_destroy(plan);
    return Status::Internal("PDF: cannot subset " + face.postscript_name());
  }

  FontSubset out;
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
  const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan);
  out.cid_by_glyph.assign(glyphs.empty() ? 0 : glyphs.back() + 1, 0);
  for (uint32_t g : glyphs) {
    const hb_codepoint_t cid = hb_map_get(old_to_new, g);
    if (cid == HB_MAP_VALUE_INVALID) continue;
    out.cid_of[g] = static_cast<uint16_t>(cid);
    out.cid_by_glyph[g] = static_cast<uint16_t>(cid);
  }
  const unsigned count = hb_face_get_glyph_count(cut);
  out.widths.resize(count, 0);
  const double per_unit = 1000.0 / face.units_per_em();
  for (unsigned cid = 0; cid < count; ++cid) {
    const hb_codepoint_t old = hb_map_get(new_to_old, cid);
    if (old == HB_MAP_VALUE_INVALID) continue;
    out.widths[cid] =
        static_cast<int>(std::lround(hb_font_get_glyph_h_advance(face.hb(), old) * per_unit));
  }
  hb_blob_t* blob = hb_face_reference_blob(cut);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  out.program.assign(data, length);
  hb_blob_destroy(blob);
  hb_face_destroy(cut);
  hb_subset_plan_destroy(plan);
  out.tag = Tag(glyphs);
  out.deflated = Deflate(out.program, Effort::kBest);
  out.file_object = "<</Length1 " + std::to_string(out.program.size()) +
                    "/Filter/FlateDecode/Length " + std::to_string(out.deflated.size()) +
                    ">>\nstream\n" + out.deflated + "\nendstream\n";
  return out;
}

Result<std::shared_ptr<const FontSubset>> CutFontCached(const layout::FontFace& face,
                                                        const std::vector<uint32_t>& glyphs) {
  // Several hundred cuts of the five fonts.
  static layout::LruCache<FontSubset> cache(24u << 20);
  thread_local std::string key;
  key.clear();
  const uint64_t id = face.id();
  key.append(reinterpret_cast<const char*>(&id), sizeof id);
  for (uint32_t g : glyphs) key.append(reinterpret_cast<const char*>(&g), sizeof g);
  if (auto found = cache.Find(key)) return found;
  Result<FontSubset> cut = CutFont(face, glyphs);
  if (!cut.ok()) return cut.status();
  auto shared = std::make_shared<const FontSubset>(std::move(cut.value()));
  cache.Store(key, shared,
              shared->program.size() + shared->deflated.size() + shared->file_object.size() +
                  shared->cid_of.size() * 48 + shared->widths.size() * sizeof(int) +
                  shared->cid_by_glyph.size() * sizeof(uint16_t));
  return shared;
}

}  // namespace parting::pdf
