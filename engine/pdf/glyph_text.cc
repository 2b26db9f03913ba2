#include "pdf/glyph_text.h"

#include <string_view>
#include <unordered_map>
#include <utility>

#include "pdf/clusters.h"

namespace parting::pdf {
namespace {

// The texts one glyph was seen standing for, with how often: nearly always
// one. Views into the runs' texts, which outlive the count.
using Seen = std::vector<std::pair<std::string_view, size_t>>;

}  // namespace

std::vector<std::map<uint32_t, std::string>> GlyphTexts(const layout::PageTree& tree) {
  std::vector<std::unordered_map<uint32_t, Seen>> counts(tree.fonts.size());
  for (const auto& page : tree.pages)
    for (const auto& run : page.runs) {
      if (run.artifact || run.font < 0 || static_cast<size_t>(run.font) >= counts.size()) continue;
      auto& font = counts[run.font];
      ForEachCluster(run, [&](size_t first, size_t count, std::string_view text) {
        if (count != 1 || text.empty()) return;
        Seen& seen = font[run.glyphs[first].id];
        for (auto& [known, n] : seen)
          if (known == text) {
            ++n;
            return;
          }
        seen.emplace_back(text, 1);
      });
    }
  std::vector<std::map<uint32_t, std::string>> out(tree.fonts.size());
  for (size_t f = 0; f < counts.size(); ++f)
    for (const auto& [glyph, seen] : counts[f]) {
      // The most frequent; of equals, the smallest text.
      const std::pair<std::string_view, size_t>* best = &seen.front();
      for (const auto& candidate : seen)
        if (candidate.second > best->second ||
            (candidate.second == best->second && candidate.first < best->first))
          best = &candidate;
      out[f].emplace(glyph, best->first);
    }
  return out;
}

}  // namespace parting::pdf
