#include "pdf/to_unicode.h"

#include "pdf/utf16.h"

#include <cstdio>
#include <vector>

namespace parting::pdf {
namespace {

constexpr size_t kMaxPerBlock = 100;  // the CMap format's limit per block

const std::string& IdentityRanges() {
  static const std::string kRanges = [] {
    std::vector<int> high_bytes;
    for (int hi = 0x00; hi <= 0xFF; ++hi) {
      const bool surrogate = hi >= 0xD8 && hi <= 0xDF;
      const bool private_use = hi >= 0xE0 && hi <= 0xF8;
      if (!surrogate && !private_use) high_bytes.push_back(hi);
    }
    std::string out;
    // A bfrange may only vary the last byte.
    for (size_t i = 0; i < high_bytes.size(); i += kMaxPerBlock) {
      const size_t n = std::min(kMaxPerBlock, high_bytes.size() - i);
      out += std::to_string(n) + " beginbfrange\n";
      for (size_t k = i; k < i + n; ++k) {
        char line[48];
        std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high_bytes[k],
                      high_bytes[k], high_bytes[k]);
        out += line;
      }
      out += "endbfrange\n";
    }
    return out;
  }();
  return kRanges;
}

// UTF-8 -> UTF-16BE as hex digits.
std::string Utf16Hex(const std::string& utf8) {
  std::string out;
  for (uint16_t unit : Utf16Units(utf8)) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", unit);
    out += buf;
  }
  return out;
}

}  // namespace

std::string ToUnicodeCMap(const std::map<uint32_t, std::string>& private_use) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  out += IdentityRanges();
  std::vector<std::pair<uint32_t, std::string>> entries(private_use.begin(), private_use.end());
  for (size_t i = 0; i < entries.size(); i += kMaxPerBlock) {
    const size_t n = std::min(kMaxPerBlock, entries.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      char code[16];
      std::snprintf(code, sizeof code, "<%04X> <", entries[k].first & 0xFFFF);
      out += code + Utf16Hex(entries[k].second) + ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace parting::pdf
