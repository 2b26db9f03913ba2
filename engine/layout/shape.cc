#include "layout/shape.h"

#include <cmath>

namespace parting::layout {

ShapedText Shape(const FontFace& face, double size, std::string_view text, const char* language) {
  ShapedText out;
  if (text.empty()) return out;
  hb_buffer_t* buffer = hb_buffer_create();
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
  const double scale = size / face.units_per_em();

  double pen = 0;
  DrawPiece piece;
  for (unsigned i = 0; i < count; ++i) {
    const size_t cluster_end = i + 1 < count ? info[i + 1].cluster : text.size();
    const double advance = pos[i].x_advance * scale;
    const double nominal = face.NominalAdvance(info[i].codepoint) * size;
    const double offset = pos[i].x_offset * scale;
    if (std::abs(offset) > 0.001) {
      // A glyph moved off its pen position gets a piece of its own.
      if (piece.end > piece.begin) out.pieces.push_back(piece);
      out.pieces.push_back({info[i].cluster, cluster_end, pen + offset});
      piece = {cluster_end, cluster_end, pen + advance};
    } else {
      piece.end = cluster_end;
      if (std::abs(advance - nominal) > 0.001) {
        // Kerning: the next glyph does not start where the viewer would put it.
        out.pieces.push_back(piece);
        piece = {cluster_end, cluster_end, pen + advance};
      }
    }
    pen += advance;
  }
  if (piece.end > piece.begin) out.pieces.push_back(piece);
  out.width = pen;
  hb_buffer_destroy(buffer);
  return out;
}

}  // namespace parting::layout
