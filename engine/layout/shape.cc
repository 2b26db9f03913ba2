#include "layout/shape.h"

#include <algorithm>

#include "layout/lru_cache.h"

namespace parting::layout {
namespace {

// Enough for every distinct word and sentence of a large batch in five
// languages; least recently used results go first.
constexpr size_t kCacheBytes = 32u << 20;

// One glyph in font units; clusters already monotone.
struct UnitGlyph {
  uint32_t id;
  uint32_t cluster;
  int32_t x_advance;
  int32_t x_offset;
  int32_t y_offset;
};

using Cache = LruCache<std::vector<UnitGlyph>>;

Cache& TheCache() {
  static Cache cache(kCacheBytes);
  return cache;
}

// (font, language, text) as one key, built in a per-thread buffer.
std::string_view Key(const FontFace& face, const char* language, std::string_view text) {
  thread_local std::string key;
  const uint64_t id = face.id();
  key.assign(reinterpret_cast<const char*>(&id), sizeof id);
  key += language;
  key += '\0';
  key += text;
  return key;
}

// HarfBuzz's clusters (character level: a mark keeps its own cluster) made
// monotone: a glyph sequence whose clusters are out of text order is merged
// into one cluster that starts at its smallest cluster, so that every
// cluster is a run of glyphs standing for one contiguous piece of text.
std::vector<UnitGlyph> Shaped(const FontFace& face, std::string_view text, const char* language) {
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
  hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0,
                     static_cast<int>(text.size()));
  hb_buffer_guess_segment_properties(buffer);
  hb_buffer_set_language(buffer, hb_language_from_string(language, -1));
  hb_shape(face.hb(), buffer, nullptr, 0);
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
  std::vector<UnitGlyph> glyphs(count);
  for (unsigned i = 0; i < count; ++i)
    glyphs[i] = {info[i].codepoint, info[i].cluster, pos[i].x_advance, pos[i].x_offset,
                 pos[i].y_offset};
  hb_buffer_destroy(buffer);

  // A segment ends where every later glyph has a larger cluster.
  std::vector<uint32_t> later_min(count + 1, static_cast<uint32_t>(text.size()));
  for (size_t i = count; i-- > 0;) later_min[i] = std::min(later_min[i + 1], glyphs[i].cluster);
  size_t start = 0;
  uint32_t low = UINT32_MAX, high = 0;
  for (size_t i = 0; i < count; ++i) {
    low = std::min(low, glyphs[i].cluster);
    high = std::max(high, glyphs[i].cluster);
    if (i + 1 == count || high < later_min[i + 1]) {
      for (size_t k = start; k <= i; ++k) glyphs[k].cluster = low;
      start = i + 1;
      low = UINT32_MAX;
      high = 0;
    }
  }
  return glyphs;
}

}  // namespace

ShapedText Shape(const FontFace& face, double size, std::string_view text, const char* language) {
  ShapedText out;
  if (text.empty()) return out;
  const std::string_view key = Key(face, language, text);
  std::shared_ptr<const std::vector<UnitGlyph>> units = TheCache().Find(key);
  if (!units) {
    units = std::make_shared<const std::vector<UnitGlyph>>(Shaped(face, text, language));
    TheCache().Store(key, units, units->size() * sizeof(UnitGlyph));
  }
  const double scale = size / face.units_per_em();
  out.glyphs.reserve(units->size());
  int32_t pen = 0;
  for (const UnitGlyph& u : *units) {
    out.glyphs.push_back(
        {u.id, u.x_advance * scale, u.x_offset * scale, u.y_offset * scale, u.cluster});
    pen += u.x_advance;
  }
  out.width = pen * scale;
  return out;
}

LruStats ShapeCacheStats() { return TheCache().stats(); }

}  // namespace parting::layout
