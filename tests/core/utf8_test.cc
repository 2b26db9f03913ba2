#include "core/utf8.h"

#include <doctest/doctest.h>

namespace parting {
namespace {

TEST_CASE("DecodeUtf8 accepts shortest forms only") {
  struct Case {
    std::string_view bytes;
    std::optional<char32_t> expected;
  };
  const Case cases[] = {
      {"A", U'A'},
      {"\xC3\xA4", U'ä'},
      {"\xE0\xB8\x81", U'ก'},
      {"\xF0\x9F\x98\x80", U'\U0001F600'},
      {"\xC0\x80", std::nullopt},          // overlong NUL
      {"\xE0\x80\xAF", std::nullopt},      // overlong '/'
      {"\xED\xB0\x80", std::nullopt},      // surrogate
      {"\xF4\x90\x80\x80", std::nullopt},  // above U+10FFFF
      {"\xC3", std::nullopt},              // truncated
      {"\xC3\x28", std::nullopt},          // bad continuation
  };
  for (const Case& c : cases) {
    size_t pos = 0;
    CAPTURE(c.bytes);
    CHECK(DecodeUtf8(c.bytes, pos) == c.expected);
    CHECK(pos == (c.expected ? c.bytes.size() : 0));
  }
}

TEST_CASE("FirstInvalidUtf8 finds the offset and CountCodePoints counts characters") {
  CHECK_FALSE(FirstInvalidUtf8("Grüße, สวัสดี"));
  CHECK(FirstInvalidUtf8("ab\xFF") == std::optional<size_t>(2));
  CHECK(CountCodePoints("Grüße") == 5);
  CHECK(CountCodePoints("") == 0);
}

TEST_CASE("AppendUtf8 writes what DecodeUtf8 reads") {
  for (char32_t c : {U'A', U'\u00fc', U'\u0e48', U'\ue026', U'\U0001F600', U'\U0010FFFF'}) {
    std::string text;
    AppendUtf8(text, c);
    size_t pos = 0;
    CHECK(DecodeUtf8(text, pos) == c);
    CHECK(pos == text.size());
  }
}

}  // namespace
}  // namespace parting
