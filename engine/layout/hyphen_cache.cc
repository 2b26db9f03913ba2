#include "layout/hyphen_cache.h"

#include <string>

namespace parting::layout {
namespace {

using Cache = LruCache<std::vector<HyphenPoint>>;

Cache& TheCache() {
  static Cache cache(8u << 20);
  return cache;
}

}  // namespace

std::vector<HyphenPoint> CachedHyphenPoints(const Hyphenator& hyphenator, Language language,
                                            std::string_view word) {
  thread_local std::string key;
  key.assign(1, static_cast<char>(language));
  key += word;
  if (auto points = TheCache().Find(key)) return *points;
  auto points = std::make_shared<const std::vector<HyphenPoint>>(hyphenator.Points(language, word));
  TheCache().Store(key, points, points->size() * sizeof(HyphenPoint));
  return *points;
}

LruStats HyphenCacheStats() { return TheCache().stats(); }

}  // namespace parting::layout
