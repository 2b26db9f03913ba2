#include "pdf/glyph_text.h"

#include <string_view>
#include <utility>

#include "layout/fonts.h"
#include "pdf/clusters.h"
#include "pdf/glyph_fallback.h"

namespace parting::pdf {
namespace {

// The texts one glyph was seen standing for, with how often: nearly always
// one. Views into the runs' texts, which outlive the count.
using Seen = std::vector<std::pair<std::string_view, size_t>>;

// A cluster whose glyphs may have no text of their own: several glyphs, an
// inserted hyphen, or an artifact's glyph.
struct Other {
  const layout::TextRun* run;
  size_t first, count;
  std::string_view text;
};

}  // namespace

std::vector<std::map<uint32_t, std::string>> GlyphTexts(const layout::PageTree& tree) {
  // Per font, the glyphs seen with their texts, in the order first seen;
  // a glyph's place in it is found through a flat table by glyph id (kept
  // per thread, and cleared of this letter's entries before returning).
  std::vector<std::vector<std::pair<uint32_t, Seen>>> counts(tree.fonts.size());
  thread_local std::vector<std::vector<uint32_t>> place_of;  // glyph -> index + 1
  if (place_of.size() < tree.fonts.size()) place_of.resize(tree.fonts.size());
  std::vector<std::vector<Other>> others(tree.fonts.size());
  for (const auto& page : tree.pages)
    for (const auto& run : page.runs) {
      if (run.font < 0 || static_cast<size_t>(run.font) >= counts.size()) continue;
      auto& font = counts[run.font];
      auto& place = place_of[run.font];
      ForEachCluster(run, [&](size_t first, size_t count, std::string_view text) {
        if (count != 1 || text.empty() || run.artifact) {
          others[run.font].push_back({&run, first, count, text});
          return;
        }
        const uint32_t glyph = run.glyphs[first].id;
        if (glyph >= place.size()) place.resize(glyph + 1, 0);
        if (place[glyph] == 0) {
          font.emplace_back(glyph, Seen());
          place[glyph] = static_cast<uint32_t>(font.size());
        }
        Seen& seen = font[place[glyph] - 1].second;
        for (auto& [known, n] : seen)
          if (known == text) {
            ++n;
            return;
          }
        seen.emplace_back(text, 1);
      });
    }
  std::vector<std::map<uint32_t, std::string>> out(tree.fonts.size());
  for (size_t f = 0; f < counts.size(); ++f) {
    for (const auto& [glyph, seen] : counts[f]) place_of[f][glyph] = 0;
    for (const auto& [glyph, seen] : counts[f]) {
      // The most frequent; of equals, the smallest text.
      const std::pair<std::string_view, size_t>* best = &seen.front();
      for (const auto& candidate : seen)
        if (candidate.second > best->second ||
            (candidate.second == best->second && candidate.first < best->first))
          best = &candidate;
      if (MappableText(best->first)) out[f].emplace(glyph, best->first);
    }
    // Glyphs still without text (only in other clusters, or whose text no
    // ToUnicode map may hold), in the order they are first drawn. A flat
    // table says which have one: a Thai letter has thousands of such
    // clusters, nearly all of glyphs mapped already.
    const auto& face = tree.fonts[f].face;
    std::vector<bool> mapped(out[f].empty() ? 0 : out[f].rbegin()->first + 1, false);
    for (const auto& [glyph, text] : out[f]) mapped[glyph] = true;
    for (const Other& other : others[f])
      for (size_t k = 0; k < other.count; ++k) {
        const uint32_t glyph = other.run->glyphs[other.first + k].id;
        if (glyph < mapped.size() && mapped[glyph]) continue;
        if (glyph >= mapped.size()) mapped.resize(glyph + 1, false);
        mapped[glyph] = true;
        if (other.count == 1 && MappableText(other.text))
          out[f].emplace(glyph, other.text);  // an artifact's glyph
        else if (face)
          out[f].emplace(glyph, FallbackText(face->hb(), glyph, k, other.count, other.text));
      }
    // A glyph of a single-glyph cluster whose text may not be mapped.
    if (face)
      for (const auto& [glyph, seen] : counts[f])
        if (glyph >= mapped.size() || !mapped[glyph])
          out[f].emplace(glyph, FallbackText(face->hb(), glyph, 0, 1, seen.front().first));
  }
  return out;
}

}  // namespace parting::pdf
