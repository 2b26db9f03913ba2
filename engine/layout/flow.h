// Flow: the body of a letter as a column of lines, and its pagination.
//
// The typesetter turns body blocks into FlowLines, each knowing how far below
// the previous line its baseline sits and whether a page may end before it;
// Paginate() fills pages and moves lines forward so that no paragraph leaves
// a single line at a page foot or top and no heading ends a page.
#pragma once

#include <vector>

#include "layout/paragraph.h"

namespace parting::layout {

struct FlowLine {
  Line line;
  double x = 0;         ///< left edge
  double size = 10;     ///< font size
  double advance = 0;   ///< baseline distance from the previous line
  bool break_before = true;  ///< a page may end before this line
  bool signed_above = false;  ///< the room above is for the handwritten signature
  float gray = 0;
  int element = -1;  ///< the structure element of the line's runs (PageTree::elements)
};

/// One page's share of the flow: indices into the flow and their baselines.
struct PagedLine {
  size_t index = 0;
  double baseline = 0;
};

/// Fills pages: the first page's first baseline is `first_top`, later pages
/// start at `next_top`; no baseline goes below `bottom`. A page ends at the
/// last line boundary that allows it; when no such boundary exists on a page
/// (a block taller than a page), the page ends where it is full.
std::vector<std::vector<PagedLine>> Paginate(const std::vector<FlowLine>& flow, double first_top,
                                             double next_top, double bottom);

}  // namespace parting::layout
