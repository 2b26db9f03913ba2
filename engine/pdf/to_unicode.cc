#include "pdf/to_unicode.h"

#include <cstdio>
#include <vector>

#include "pdf/utf16.h"

namespace parting::pdf {
namespace {

constexpr size_t kMaxPerBlock = 100;  // the CMap format's limit per block

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

std::string ToUnicodeCMap(const std::map<uint16_t, std::string>& text_of_cid) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<uint16_t, std::string>> entries;
  for (const auto& [cid, text] : text_of_cid)
    if (!text.empty()) entries.emplace_back(cid, text);
  for (size_t i = 0; i < entries.size(); i += kMaxPerBlock) {
    const size_t n = std::min(kMaxPerBlock, entries.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) {
      char code[16];
      std::snprintf(code, sizeof code, "<%04X> <", entries[k].first);
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
