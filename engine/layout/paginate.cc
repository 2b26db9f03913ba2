#include "layout/flow.h"

namespace parting::layout {

std::vector<std::vector<PagedLine>> Paginate(const std::vector<FlowLine>& flow, double first_top,
                                             double next_top, double bottom) {
  std::vector<std::vector<PagedLine>> pages(1);
  size_t page_start = 0;
  double top = first_top;
  for (size_t i = 0; i < flow.size();) {
    auto& page = pages.back();
    const double baseline = page.empty() ? top : page.back().baseline + flow[i].advance;
    if (baseline <= bottom || page.empty()) {
      page.push_back({i, baseline});
      ++i;
      continue;
    }
    // Full: end the page at the latest boundary that allows it.
    size_t cut = i;
    while (cut > page_start && !flow[cut].break_before) --cut;
    if (cut == page_start) cut = i;
    page.resize(cut - page_start);
    pages.emplace_back();
    page_start = cut;
    top = next_top;
    i = cut;
  }
  return pages;
}

}  // namespace parting::layout
