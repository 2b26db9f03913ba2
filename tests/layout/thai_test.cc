#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <vector>

#include "core/utf8.h"
#include "layout/fonts.h"
#include "layout/typesetter.h"
#include "test_support.h"
#include "thai_sheet.h"

using namespace parting;

namespace {

struct Box {
  double x0, y0, x1, y1;
};

std::vector<uint32_t> CodePoints(const std::string& s) {
  std::vector<uint32_t> out;
  for (size_t pos = 0; pos < s.size();) {
    const auto c = DecodeUtf8(s, pos);
    REQUIRE(c.has_value());
    out.push_back(*c);
  }
  return out;
}

// The ink boxes of every zero-advance glyph (a mark) drawn on the page, at
// the position the PDF draws it: the pen plus HarfBuzz's offset.
std::vector<Box> MarkBoxes(const layout::PageTree& tree, const layout::FontSet& fonts) {
  std::vector<Box> boxes;
  for (const auto& run : tree.pages[0].runs) {
    const layout::FontFace& face = fonts.face(run.font);
    const double scale = run.size / face.units_per_em();
    double pen = run.x;
    for (const layout::Glyph& g : run.glyphs) {
      hb_glyph_extents_t ink;
      if (g.advance == 0 && hb_font_get_glyph_extents(face.hb(), g.id, &ink) && ink.width > 0) {
        const double x = pen + g.dx;
        const double y = run.y - g.dy;
        boxes.push_back({x + ink.x_bearing * scale, y - ink.y_bearing * scale,
                         x + (ink.x_bearing + ink.width) * scale,
                         y - (ink.y_bearing + ink.height) * scale});
      }
      pen += g.advance;
    }
  }
  return boxes;
}

// What hb-view draws for `word`: HarfBuzz's glyphs with their offsets, in
// font units.
std::vector<std::array<int, 3>> HbGlyphs(const layout::FontFace& face, const std::string& word) {
  hb_buffer_t* buffer = hb_buffer_create();
  hb_buffer_add_utf8(buffer, word.data(), static_cast<int>(word.size()), 0, -1);
  hb_buffer_guess_segment_properties(buffer);
  hb_shape(face.hb(), buffer, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &n);
  std::vector<std::array<int, 3>> out;
  for (unsigned i = 0; i < n; ++i)
    out.push_back({static_cast<int>(info[i].codepoint), pos[i].x_offset, pos[i].y_offset});
  hb_buffer_destroy(buffer);
  return out;
}

}  // namespace

TEST_CASE("Thai: no two marks' ink boxes overlap on the test sheet") {
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  auto setter = layout::Typesetter::Load(testing::SourceDir() / "fonts");
  REQUIRE(fonts.ok());
  REQUIRE(setter.ok());
  for (double size : {9.0, 10.5, 14.0, 24.0}) {
    CAPTURE(size);
    auto sheet = testing::ThaiSheet();
    auto tree = (*setter)->Lay(sheet);
    REQUIRE_MESSAGE(tree.ok(), tree.status().ToString());
    // Scale the body's runs: the sheet is set at body size; marks scale with it.
    for (auto& run : tree->pages[0].runs) {
      const double k = size / run.size;
      run.size = size;
      run.x *= k;
      run.y *= k;
      for (auto& g : run.glyphs) {
        g.advance *= k;
        g.dx *= k;
        g.dy *= k;
      }
    }
    const auto boxes = MarkBoxes(*tree, **fonts);
    // ั ่ ้ ู ิ ี and the marks of น้ำ ค่ำ ปั้น: at least these, twice (regular, bold).
    CHECK(boxes.size() >= 20);
    for (size_t i = 0; i < boxes.size(); ++i)
      for (size_t j = i + 1; j < boxes.size(); ++j) {
        const Box& a = boxes[i];
        const Box& b = boxes[j];
        const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
        const double h = std::min(a.y0, b.y0) - std::max(a.y1, b.y1);
        CHECK_MESSAGE(!(w > 0.01 && h > 0.01), "marks " << i << " and " << j << " overlap");
      }
  }
}

TEST_CASE("Thai: every word is drawn with HarfBuzz's own glyphs and mark offsets") {
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  auto setter = layout::Typesetter::Load(testing::SourceDir() / "fonts");
  REQUIRE(fonts.ok());
  REQUIRE(setter.ok());
  auto tree = (*setter)->Lay(testing::ThaiSheet());
  REQUIRE(tree.ok());
  for (int font : {3, 4}) {  // Noto Sans Thai regular, bold
    const layout::FontFace& face = (*fonts)->face(font);
    for (const char* word : testing::kThaiSheetWords) {
      CAPTURE(word);
      const auto expected = HbGlyphs(face, word);
      REQUIRE(!expected.empty());
      bool found = false;
      for (const auto& run : tree->pages[0].runs) {
        if (run.font != font) continue;
        const double k = face.units_per_em() / run.size;
        for (size_t at = 0; !found && at + expected.size() <= run.glyphs.size(); ++at) {
          bool same = true;
          for (size_t i = 0; same && i < expected.size(); ++i) {
            const layout::Glyph& g = run.glyphs[at + i];
            same = static_cast<int>(g.id) == expected[i][0] &&
                   std::lround(g.dx * k) == expected[i][1] &&
                   std::lround(g.dy * k) == expected[i][2];
          }
          found = same;
        }
      }
      CHECK(found);
    }
  }
  // The runs' text is the sheet's text: no private-use code point anywhere.
  for (const auto& run : tree->pages[0].runs)
    for (uint32_t c : CodePoints(run.text)) CHECK_FALSE((c >= 0xE000 && c <= 0xF8FF));
}
