#include "pdf/to_unicode.h"

#include <cstdio>
#include <vector>

#include "pdf/utf16.h"

namespace parting::pdf {
namespace {

constexpr size_t kMaxPerBlock = 100;  // the CMap format's limit per block

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
  // Runs of consecutive CIDs standing for consecutive single UTF-16 units
  // (a font's letters are mostly in code point order) become one bfrange
  // line each; a bfrange may only vary the last byte of either side.
  std::vector<std::string> chars, ranges;
  auto hex4 = [](unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", v);
    return std::string(buf);
  };
  std::vector<std::pair<uint16_t, std::vector<uint16_t>>> entries;
  for (const auto& [cid, text] : text_of_cid)
    if (!text.empty()) entries.emplace_back(cid, Utf16Units(text));
  for (size_t i = 0; i < entries.size();) {
    size_t j = i + 1;
    const auto& [cid, units] = entries[i];
    if (units.size() == 1)
      while (j < entries.size() && entries[j].second.size() == 1 &&
             entries[j].first == cid + (j - i) && entries[j].second[0] == units[0] + (j - i) &&
             (entries[j].first >> 8) == (cid >> 8) && (entries[j].second[0] >> 8) == (units[0] >> 8))
        ++j;
    if (j - i >= 2) {
      ranges.push_back("<" + hex4(cid) + "> <" + hex4(entries[j - 1].first) + "> <" +
                       hex4(units[0]) + ">\n");
    } else {
      std::string line = "<" + hex4(cid) + "> <";
      for (uint16_t u : units) line += hex4(u);
      chars.push_back(line + ">\n");
      j = i + 1;
    }
    i = j;
  }
  auto blocks = [&](const std::vector<std::string>& lines, const char* kind) {
    for (size_t i = 0; i < lines.size(); i += kMaxPerBlock) {
      const size_t n = std::min(kMaxPerBlock, lines.size() - i);
      out += std::to_string(n) + " begin" + kind + "\n";
      for (size_t k = i; k < i + n; ++k) out += lines[k];
      out += std::string("end") + kind + "\n";
    }
  };
  blocks(ranges, "bfrange");
  blocks(chars, "bfchar");
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

}  // namespace parting::pdf
