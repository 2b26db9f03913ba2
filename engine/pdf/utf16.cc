#include "pdf/utf16.h"

#include "core/utf8.h"

namespace parting::pdf {

std::vector<uint16_t> Utf16Units(std::string_view text) {
  std::vector<uint16_t> out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    // Text reaching the PDF stage is checked UTF-8; a stray byte becomes U+FFFD.
    char32_t cp = 0xFFFD;
    if (const auto decoded = DecodeUtf8(text, pos)) cp = *decoded; else ++pos;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<uint16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<uint16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<uint16_t>(cp));
    }
  }
  return out;
}

}  // namespace parting::pdf
