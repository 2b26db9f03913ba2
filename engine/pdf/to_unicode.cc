#include "pdf/to_unicode.h"

#include <cstdio>
#include <vector>

namespace parting::pdf {
namespace {

std::string Build() {
  std::vector<int> high_bytes;
  for (int hi = 0x00; hi <= 0xFF; ++hi) {
    const bool surrogate = hi >= 0xD8 && hi <= 0xDF;
    const bool private_use = hi >= 0xE0 && hi <= 0xF8;
    if (!surrogate && !private_use) high_bytes.push_back(hi);
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // A bfrange may only vary the last byte, and a block holds at most 100.
  for (size_t i = 0; i < high_bytes.size(); i += 100) {
    const size_t n = std::min<size_t>(100, high_bytes.size() - i);
    out += std::to_string(n) + " beginbfrange\n";
    for (size_t k = i; k < i + n; ++k) {
      char line[48];
      std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", high_bytes[k],
                    high_bytes[k], high_bytes[k]);
      out += line;
    }
    out += "endbfrange\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace

const std::string& IdentityToUnicodeCMap() {
  static const std::string kCMap = Build();
  return kCMap;
}

}  // namespace parting::pdf
