// SetParagraph: all the steps of paragraph layout, with their result kept
// per process. Letters of a batch repeat most of their prose (only names,
// dates and amounts differ), so a paragraph already set at the same measure
// in the same style is taken as it was set: same lines, same glyphs, same
// bytes. The key is everything the steps read: the spans with their flags,
// the fonts, the style and the measure.
#include <cstring>
#include <memory>
#include <string>

#include "layout/lru_cache.h"
#include "layout/paragraph.h"

namespace parting::layout {
namespace {

// Several thousand distinct paragraphs of a mixed batch.
constexpr size_t kCacheBytes = 24u << 20;

using Cache = LruCache<std::vector<Line>>;

Cache& TheCache() {
  static Cache cache(kCacheBytes);
  return cache;
}

template <typename T>
void Append(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// The paragraph's key, built in a per-thread buffer. Span texts are
// length-prefixed so that no two span lists spell the same key.
std::string_view Key(const std::vector<compose::Span>& spans, const FontSet& fonts,
                     const TextStyle& style, double measure, bool justify) {
  thread_local std::string key;
  key.clear();
  Append(key, fonts.face(0).id());
  Append(key, style.size);
  Append(key, style.base);
  Append(key, style.hyphenator);
  Append(key, style.hyphenation_language);
  Append(key, measure);
  Append(key, justify);
  key += style.language;
  key += '\0';
  for (const compose::Span& span : spans) {
    const uint8_t flags = (span.bold ? 1 : 0) | (span.italic ? 2 : 0) | (span.verbatim ? 4 : 0) |
                          (span.from_request ? 8 : 0);
    Append(key, flags);
    Append(key, span.change);
    Append(key, static_cast<uint32_t>(span.text.size()));
    key += span.text;
  }
  return key;
}

size_t Cost(const std::vector<Line>& lines) {
  size_t cost = sizeof(std::vector<Line>) + lines.size() * sizeof(Line);
  for (const Line& line : lines)
    for (const LineRun& run : line.runs)
      cost += sizeof(LineRun) + run.text.size() + run.glyphs.size() * sizeof(Glyph);
  return cost;
}

std::vector<Line> SetUncached(const std::vector<compose::Span>& spans, const FontSet& fonts,
                              const TextStyle& style, double measure, bool justify) {
  const std::vector<Word> words =
      SplitOverwideWords(CollectWords(spans, fonts, style), measure, fonts, style);
  return FinalizeParagraph(words, BreakLines(words, measure, justify), measure, justify);
}

}  // namespace

std::vector<Line> SetParagraph(const std::vector<compose::Span>& spans, const FontSet& fonts,
                               const TextStyle& style, double measure, bool justify) {
  const std::string_view key = Key(spans, fonts, style, measure, justify);
  if (auto lines = TheCache().Find(key)) return *lines;
  const std::string kept(key);  // Key()'s buffer is the thread's, reused by the next call
  auto lines = std::make_shared<const std::vector<Line>>(
      SetUncached(spans, fonts, style, measure, justify));
  TheCache().Store(kept, lines, Cost(*lines));
  return *lines;
}

LruStats ParagraphCacheStats() { return TheCache().stats(); }

}  // namespace parting::layout
