#include "pdf/glyph_fallback.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <vector>

#include "core/utf8.h"

namespace parting::pdf {
namespace {

bool Mappable(char32_t c) {
  if (c == 0 || c == 0xFEFF || c == 0xFFFE) return false;
  if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) return false;  // noncharacters
  if (c >= 0xE000 && c <= 0xF8FF) return false;                              // private use
  if (c >= 0xF0000) return false;  // planes 15-16: private use
  return true;
}

std::vector<char32_t> CodePoints(std::string_view text) {
  std::vector<char32_t> out;
  for (size_t pos = 0; pos < text.size();) {
    if (const auto c = DecodeUtf8(text, pos))
      out.push_back(*c);
    else
      ++pos;
  }
  return out;
}

std::string Utf8(char32_t c) {
  std::string out;
  AppendUtf8(out, c);
  return out;
}

// The NFKD form of `text`'s code points, or the code points themselves when
// ICU cannot normalize.
std::vector<char32_t> Decomposed(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  if (U_FAILURE(status)) return CodePoints(text);
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString decomposed = nfkd->normalize(source, status);
  if (U_FAILURE(status)) return CodePoints(text);
  std::vector<char32_t> out;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

bool Draws(hb_font_t* font, char32_t c, uint32_t glyph) {
  hb_codepoint_t nominal = 0;
  return Mappable(c) && hb_font_get_nominal_glyph(font, c, &nominal) && nominal == glyph;
}

}  // namespace

bool MappableText(std::string_view text) {
  bool plain = true;  // ASCII but NUL: mappable as it is
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    plain &= b != 0 && b < 0x80;
  }
  if (plain) return !text.empty();
  for (size_t pos = 0; pos < text.size();) {
    const auto c = DecodeUtf8(text, pos);
    if (!c || !Mappable(*c)) return false;
  }
  return !text.empty();
}

std::string FallbackText(hb_font_t* font, uint32_t glyph, size_t index, size_t count,
                         std::string_view text) {
  // 1. A character of the cluster, decomposed, that the cmap draws with it.
  for (char32_t c : Decomposed(text))
    if (Draws(font, c, glyph)) return Utf8(c);
  // 2. An inserted hyphen.
  if (text.empty())
    for (char32_t c : {U'-', U'\u2010', U'\u00AD'})
      if (Draws(font, c, glyph)) return Utf8(c);
  // 3. Any code point the cmap draws with it.
  hb_set_t* unicodes = hb_set_create();
  hb_face_collect_unicodes(hb_font_get_face(font), unicodes);
  hb_codepoint_t c = HB_SET_VALUE_INVALID;
  char32_t found = 0;
  while (hb_set_next(unicodes, &c))
    if (Draws(font, c, glyph)) {
      found = c;
      break;
    }
  hb_set_destroy(unicodes);
  if (found) return Utf8(found);
  // 4. The cluster's characters shared out in order: glyph k of m takes
  // characters [k n / m, (k + 1) n / m), at least one.
  std::vector<char32_t> chars;
  for (char32_t ch : CodePoints(text))
    if (Mappable(ch)) chars.push_back(ch);
  if (!chars.empty() && count > 0) {
    const size_t n = chars.size();
    size_t from = index * n / count, to = (index + 1) * n / count;
    if (from >= n) from = n - 1;
    if (to <= from) to = from + 1;
    std::string out;
    for (size_t k = from; k < to; ++k) AppendUtf8(out, chars[k]);
    return out;
  }
  // 5. Nothing better.
  return Utf8(U'\uFFFD');
}

}  // namespace parting::pdf
