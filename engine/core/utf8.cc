#include "core/utf8.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace parting {

std::optional<char32_t> DecodeUtf8(std::string_view text, size_t& pos) {
  if (pos >= text.size()) return std::nullopt;
  // ICU's decoder: well-formed UTF-8 only (no overlong forms, surrogates or
  // code points past U+10FFFF); on anything else `pos` stays where it was.
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  size_t next = pos;
  UChar32 c;
  U8_NEXT(bytes, next, text.size(), c);
  if (c < 0) return std::nullopt;
  pos = next;
  return static_cast<char32_t>(c);
}

std::optional<size_t> FirstInvalidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // ASCII runs are the common case; skip them without decoding.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (!DecodeUtf8(text, pos)) return pos;
  }
  return std::nullopt;
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  return count;
}

void AppendUtf8(std::string& out, char32_t c) {
  uint8_t buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (!error) out.append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(length));
}

}  // namespace parting
