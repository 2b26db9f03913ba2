// Clusters of a TextRun: the glyphs that stand together for one piece of
// source text (see layout/page_tree.h), visited in drawing order.
#pragma once

#include <string_view>

#include "layout/page_tree.h"

namespace parting::pdf {

/// Calls `visit(first, count, text)` for each cluster of `run`: glyphs
/// [first, first + count) stand for `text` (empty for an inserted hyphen).
template <typename Visit>
void ForEachCluster(const layout::TextRun& run, Visit&& visit) {
  const auto& glyphs = run.glyphs;
  const std::string_view text = run.text;
  for (size_t first = 0; first < glyphs.size();) {
    size_t end = first + 1;
    while (end < glyphs.size() && glyphs[end].cluster == glyphs[first].cluster) ++end;
    const size_t from = std::min<size_t>(glyphs[first].cluster, text.size());
    const size_t to = end < glyphs.size() ? std::min<size_t>(glyphs[end].cluster, text.size())
                                          : text.size();
    visit(first, end - first, text.substr(from, to > from ? to - from : 0));
    first = end;
  }
}

}  // namespace parting::pdf
