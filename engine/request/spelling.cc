#include "request/spelling.h"

#include <algorithm>

namespace parting::request {

size_t EditDistance(std::string_view a, std::string_view b) {
  // Three rolling rows: the swap rule looks two rows back.
  std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string_view> ClosestName(std::string_view word,
                                            const std::vector<std::string_view>& names,
                                            size_t max_distance) {
  // Field names are short; a very long key cannot be a typo of one of them.
  if (word.size() > 64) return std::nullopt;
  std::optional<std::string_view> best;
  size_t best_distance = max_distance + 1;
  for (std::string_view name : names) {
    const size_t distance = EditDistance(word, name);
    // "to" is two edits from "tz" but no one meant it: keep some of the word.
    if (distance < best_distance && distance < word.size()) best = name, best_distance = distance;
  }
  return best;
}

}  // namespace parting::request
