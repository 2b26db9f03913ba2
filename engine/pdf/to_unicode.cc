#include "pdf/to_unicode.h"

#include <cstdio>
#include <vector>

#include "pdf/utf16.h"

namespace parting::pdf {
namespace {

constexpr size_t kMaxPerBlock = 100;  // the CMap format's limit per block
// Shorter runs compress better as bfchar lines (measured on the samples:
// with 8, the Thai letter is 117 bytes smaller and none larger).
constexpr size_t kMinArray = 8;

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
  // line each; a bfrange may only vary the last byte of either side. Other
  // runs of consecutive CIDs (the subset numbers its glyphs densely) become
  // one bfrange line with an array of their texts (ISO 32000-1, 9.10.3)
  // when they are at least kMinArray: each CID costs its text alone, not a
  // line. What is left is bfchar.
  std::vector<std::string> chars, ranges;
  auto hex4 = [](unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04X", v);
    return std::string(buf);
  };
  auto hex_text = [&](const std::vector<uint16_t>& units) {
    std::string out = "<";
    for (uint16_t u : units) out += hex4(u);
    return out + ">";
  };
  std::vector<std::pair<uint16_t, std::vector<uint16_t>>> entries;
  for (const auto& [cid, text] : text_of_cid)
    if (!text.empty()) entries.emplace_back(cid, Utf16Units(text));
  // The length of the run of consecutive CIDs and code units from entry i.
  auto consecutive = [&](size_t i) {
    const auto& [cid, units] = entries[i];
    size_t j = i + 1;
    if (units.size() == 1)
      while (j < entries.size() && entries[j].second.size() == 1 &&
             entries[j].first == cid + (j - i) && entries[j].second[0] == units[0] + (j - i) &&
             (entries[j].first >> 8) == (cid >> 8) &&
             (entries[j].second[0] >> 8) == (units[0] >> 8))
        ++j;
    return j - i;
  };
  for (size_t i = 0; i < entries.size();) {
    const uint16_t cid = entries[i].first;
    if (const size_t n = consecutive(i); n >= 2) {
      ranges.push_back("<" + hex4(cid) + "> <" + hex4(entries[i + n - 1].first) + "> <" +
                       hex4(entries[i].second[0]) + ">\n");
      i += n;
      continue;
    }
    // Consecutive CIDs (one high byte) up to where a range starts.
    size_t j = i + 1;
    while (j < entries.size() && entries[j].first == cid + (j - i) &&
           (entries[j].first >> 8) == (cid >> 8) && consecutive(j) < 2)
      ++j;
    if (j - i >= kMinArray) {
      std::string line = "<" + hex4(cid) + "> <" + hex4(entries[j - 1].first) + "> [";
      for (size_t k = i; k < j; ++k) line += (k > i ? " " : "") + hex_text(entries[k].second);
      ranges.push_back(line + "]\n");
    } else {
      chars.push_back("<" + hex4(cid) + "> " + hex_text(entries[i].second) + "\n");
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
