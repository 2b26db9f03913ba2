#include <doctest/doctest.h>

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

// The ink boxes of every zero-advance glyph (a mark, or a positioned mark
// composite) drawn on the page, as a PDF viewer places them.
std::vector<Box> MarkBoxes(const layout::PageTree& tree, const layout::FontSet& fonts) {
  std::vector<Box> boxes;
  for (const auto& run : tree.pages[0].runs) {
    const layout::FontFace& face = fonts.face(run.font);
    const double scale = run.size / face.units_per_em();
    double pen = run.x;
    for (uint32_t c : CodePoints(run.text)) {
      hb_codepoint_t glyph = 0;
      REQUIRE(hb_font_get_nominal_glyph(face.hb(), c, &glyph));
      const double advance = face.NominalAdvance(glyph) * run.size;
      hb_glyph_extents_t ink;
      if (advance == 0 && hb_font_get_glyph_extents(face.hb(), glyph, &ink) && ink.width > 0) {
        boxes.push_back({pen + ink.x_bearing * scale, run.y - ink.y_bearing * scale,
                         pen + (ink.x_bearing + ink.width) * scale,
                         run.y - (ink.y_bearing + ink.height) * scale});
      }
      pen += advance;
    }
  }
  return boxes;
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

TEST_CASE("Thai: marks are drawn through single code points, not by moved text") {
  auto setter = layout::Typesetter::Load(testing::SourceDir() / "fonts");
  REQUIRE(setter.ok());
  auto tree = (*setter)->Lay(testing::ThaiSheet());
  REQUIRE_MESSAGE(tree.ok(), tree.status().ToString());
  // Every word of the sheet is drawn as runs on its line's baseline: no run
  // is raised or lowered by a few points to place a mark.
  const auto& runs = tree->pages[0].runs;
  for (size_t i = 0; i < runs.size(); ++i)
    for (size_t j = i + 1; j < runs.size(); ++j) {
      const double dy = std::abs(runs[i].y - runs[j].y);
      CHECK_FALSE((dy > 0.001 && dy < 4));
    }
  // The private-use code points drawn are all mapped back to Thai text.
  const auto& thai = tree->fonts[3].to_unicode;
  CHECK(!thai.empty());
  for (const auto& [code, text] : thai) {
    CHECK(code >= 0xE000);
    CHECK(code <= 0xF8FF);
    CHECK(!text.empty());
  }
}
