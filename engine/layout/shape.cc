#include "layout/shape.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "core/utf8.h"

namespace parting::layout {
namespace {

struct Glyph {
  hb_codepoint_t id;
  uint32_t cluster;
  double pen;  // font units
  int x_advance, x_offset, y_offset;
};

std::string Signed(int v) { return v < 0 ? "m" + std::to_string(-v) : std::to_string(v); }

}  // namespace

ShapedText Shape(const FontFace& face, double size, std::string_view text, const char* language) {
  ShapedText out;
  if (text.empty()) return out;
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
  hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0,
                     static_cast<int>(text.size()));
  hb_buffer_guess_segment_properties(buffer);
  hb_buffer_set_language(buffer, hb_language_from_string(language, -1));
  static const hb_feature_t kFeatures[] = {
      {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
      {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
  };
  hb_shape(face.hb(), buffer, kFeatures, 2);
  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);

  // Glyphs grouped into units by the character they came from, in text order.
  std::map<uint32_t, std::vector<Glyph>> units;
  double pen = 0;
  for (unsigned i = 0; i < count; ++i) {
    units[info[i].cluster].push_back(
        {info[i].codepoint, info[i].cluster, pen, pos[i].x_advance, pos[i].x_offset,
         pos[i].y_offset});
    pen += pos[i].x_advance;
  }
  hb_buffer_destroy(buffer);

  const double scale = size / face.units_per_em();
  out.width = pen * scale;
  DrawPiece piece;
  double piece_pen = 0;  // where the viewer's pen stands after the piece, pt
  for (auto it = units.begin(); it != units.end(); ++it) {
    const auto next = std::next(it);
    const size_t begin = it->first;
    const size_t end = next == units.end() ? text.size() : next->first;
    const std::string_view unit_text = text.substr(begin, end - begin);
    const std::vector<Glyph>& glyphs = it->second;
    const double origin = glyphs.front().pen;

    size_t after_first = 0;
    const std::optional<char32_t> first = DecodeUtf8(unit_text, after_first);
    const bool single_char = first && after_first == unit_text.size();
    const uint32_t first_char = first.value_or(0);
    uint32_t code = 0;
    if (glyphs.size() == 1 && glyphs[0].x_offset == 0 && glyphs[0].y_offset == 0) {
      code = face.CodeFor(glyphs[0].id, single_char ? first_char : 0);
    } else {
      // A ready-positioned composite in the derived font, named after its
      // components and their offsets from the unit's origin.
      std::string name = "pos";
      for (const Glyph& g : glyphs)
        name += "__" + face.GlyphName(g.id) + "_" +
                Signed(static_cast<int>(std::lround(g.pen + g.x_offset - origin))) + "_" +
                Signed(g.y_offset);
      if (const hb_codepoint_t composite = face.GlyphNamed(name)) code = face.CodeFor(composite, 0);
    }

    std::string draw;
    double nominal = 0;
    double dy = 0;
    double x = origin * scale;
    if (code != 0) {
      AppendUtf8(draw, code);
      hb_codepoint_t glyph = 0;
      hb_font_get_nominal_glyph(face.hb(), code, &glyph);
      nominal = face.NominalAdvance(glyph) * size;
      if (!(single_char && code == first_char))
        out.to_unicode.emplace_back(code, std::string(unit_text));
    } else {
      // No way to draw it as one code point: draw the characters themselves,
      // moved as HarfBuzz moved the first glyph. Rare (unusual mark stacks).
      draw = std::string(unit_text);
      x += glyphs.front().x_offset * scale;
      dy = glyphs.front().y_offset * scale;
      for (const Glyph& g : glyphs) nominal += face.NominalAdvance(g.id) * size;
    }

    const bool continues = !piece.draw.empty() && dy == piece.dy && std::abs(x - piece_pen) < 0.001;
    if (!continues) {
      if (!piece.draw.empty()) out.pieces.push_back(std::move(piece));
      piece = DrawPiece{begin, begin, x, dy, 0, {}};
    }
    piece.end = end;
    piece.draw += draw;
    piece.width += nominal;
    piece_pen = piece.x + piece.width;
  }
  if (!piece.draw.empty()) out.pieces.push_back(std::move(piece));
  return out;
}

}  // namespace parting::layout
