// CachedHyphenPoints: Hyphenator::Points remembered per process, so that
// the template prose every letter of a batch shares is hyphenated once.
// Keyed by language and word (the dictionaries are the same files for every
// Hyphenator of the process); bounded in memory; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "layout/hyphenate.h"
#include "layout/lru_cache.h"

namespace parting::layout {

std::vector<HyphenPoint> CachedHyphenPoints(const Hyphenator& hyphenator, Language language,
                                            std::string_view word);

/// What the process-wide hyphenation cache holds and has answered.
LruStats HyphenCacheStats();

}  // namespace parting::layout
