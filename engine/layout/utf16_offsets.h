// ICU iterates UTF-16; layout keeps byte offsets into UTF-8. Pure.
#pragma once

#include <unicode/unistr.h>

#include <cstddef>
#include <vector>

namespace parting::layout {

/// For each UTF-16 index of `utf16` (and one past the end), the byte offset
/// of the same position in its UTF-8 form; a trail surrogate maps like its
/// lead.
inline std::vector<size_t> Utf8OffsetsOf(const icu::UnicodeString& utf16) {
  std::vector<size_t> byte_at(utf16.length() + 1, 0);
  size_t byte = 0;
  for (int32_t i = 0; i < utf16.length();) {
    const UChar32 c = utf16.char32At(i);
    const int32_t units = U16_LENGTH(c);
    byte_at[i] = byte;
    if (units == 2) byte_at[i + 1] = byte;
    byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += units;
  }
  byte_at[utf16.length()] = byte;
  return byte_at;
}

}  // namespace parting::layout
