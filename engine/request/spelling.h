// Spelling suggestions for unknown field names ("notice_perod" → "notice_period").
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace parting::request {

/// Edit distance counting insertions, deletions, substitutions and swaps of
/// two neighbouring characters (optimal string alignment), on bytes.
size_t EditDistance(std::string_view a, std::string_view b);

/// The first of `names` nearest to `word` when within `max_distance` edits.
std::optional<std::string_view> ClosestName(std::string_view word,
                                            const std::vector<std::string_view>& names,
                                            size_t max_distance = 2);

}  // namespace parting::request
