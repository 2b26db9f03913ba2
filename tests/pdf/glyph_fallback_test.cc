// FallbackText: the ToUnicode entry of a glyph that never stands for a text
// alone (PDF/UA-1, 7.21.7), step by step, with the fonts Parting ships.
#include "pdf/glyph_fallback.h"

#include <doctest/doctest.h>

#include <set>

#include "layout/fonts.h"
#include "test_support.h"

using namespace parting;

namespace {

std::shared_ptr<layout::FontFace> Open(const char* file) {
  auto face = layout::FontFace::Open(testing::SourceDir() / "fonts" / file);
  REQUIRE_MESSAGE(face.ok(), face.status().ToString());
  return *face;
}

uint32_t Nominal(const layout::FontFace& face, char32_t c) {
  hb_codepoint_t glyph = 0;
  REQUIRE(hb_font_get_nominal_glyph(face.hb(), c, &glyph));
  return glyph;
}

// A glyph of `face` that no code point of its cmap reaches (a positional
// variant, a ligature), 0 if none.
uint32_t Unencoded(const layout::FontFace& face) {
  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(face.hb_face(), unicodes);
  std::set<uint32_t> encoded;
  for (hb_codepoint_t c = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &c);) {
    hb_codepoint_t glyph = 0;
    if (hb_font_get_nominal_glyph(face.hb(), c, &glyph)) encoded.insert(glyph);
  }
  hb_set_destroy(unicodes);
  for (uint32_t glyph = 1; glyph < hb_face_get_glyph_count(face.hb_face()); ++glyph)
    if (!encoded.count(glyph)) return glyph;
  return 0;
}

}  // namespace

TEST_CASE("FallbackText: SARA AM under a tone mark gives NIKHAHIT and SARA AA (NFKD + cmap)") {
  const auto thai = Open("NotoSansThai-Regular.ttf");
  const std::string cluster = "\u0E48\u0E33";  // MAI EK + SARA AM
  CHECK(pdf::FallbackText(thai->hb(), Nominal(*thai, U'\u0E4D'), 0, 3, cluster) == "\u0E4D");
  CHECK(pdf::FallbackText(thai->hb(), Nominal(*thai, U'\u0E32'), 2, 3, cluster) == "\u0E32");
}

TEST_CASE("FallbackText: an inserted hyphen, a glyph the cmap alone knows, a glyph nobody knows") {
  const auto latin = Open("NotoSans-Regular.ttf");
  // A cluster of no text (an inserted hyphen): the hyphen the cmap draws with it.
  const std::string hyphen = pdf::FallbackText(latin->hb(), Nominal(*latin, U'-'), 0, 1, "");
  CHECK((hyphen == "-" || hyphen == "\u2010" || hyphen == "\u00AD"));
  // A glyph of the cmap that the cluster's text does not name: the cmap's
  // code point for it.
  CHECK(pdf::FallbackText(latin->hb(), Nominal(*latin, U'Q'), 1, 2, "ab") == "Q");
  // No code point reaches it: the cluster's characters shared out in order.
  const uint32_t variant = Unencoded(*latin);
  REQUIRE(variant != 0);
  CHECK(pdf::FallbackText(latin->hb(), variant, 0, 2, "ffi") == "f");
  CHECK(pdf::FallbackText(latin->hb(), variant, 1, 2, "ffi") == "fi");
  CHECK(pdf::FallbackText(latin->hb(), variant, 0, 1, "ffi") == "ffi");
  CHECK(pdf::FallbackText(latin->hb(), variant, 2, 3, "f") == "f");  // more glyphs than characters
  // Never a private-use code point, U+FEFF or nothing at all.
  CHECK(pdf::FallbackText(latin->hb(), variant, 0, 1, "\uE000") == "\uFFFD");
  CHECK(pdf::FallbackText(latin->hb(), variant, 0, 1, "\uFEFF") == "\uFFFD");
  CHECK(pdf::FallbackText(latin->hb(), variant, 0, 1, "") == "\uFFFD");
}
