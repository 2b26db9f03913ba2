#include "pdf/glyph_text.h"

#include "pdf/clusters.h"

namespace parting::pdf {

std::vector<std::map<uint32_t, std::string>> GlyphTexts(const layout::PageTree& tree) {
  std::vector<std::map<uint32_t, std::map<std::string, size_t>>> counts(tree.fonts.size());
  for (const auto& page : tree.pages)
    for (const auto& run : page.runs) {
      if (run.artifact || run.font < 0 || static_cast<size_t>(run.font) >= counts.size()) continue;
      auto& font = counts[run.font];
      ForEachCluster(run, [&](size_t first, size_t count, std::string_view text) {
        if (count == 1 && !text.empty()) ++font[run.glyphs[first].id][std::string(text)];
      });
    }
  std::vector<std::map<uint32_t, std::string>> out(tree.fonts.size());
  for (size_t f = 0; f < counts.size(); ++f)
    for (const auto& [glyph, texts] : counts[f]) {
      const std::string* best = nullptr;
      size_t best_count = 0;
      for (const auto& [text, n] : texts)  // ordered: the first of equals is the smallest
        if (n > best_count) {
          best = &text;
          best_count = n;
        }
      out[f][glyph] = *best;
    }
  return out;
}

}  // namespace parting::pdf
