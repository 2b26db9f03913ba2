// The per-process caches of shaping and hyphenation: same answers as the
// uncached work, shared across threads, bounded in memory.
#include <doctest/doctest.h>

#include <thread>

#include "layout/hyphen_cache.h"
#include "layout/lru_cache.h"
#include "layout/shape.h"
#include "test_support.h"

using namespace parting;

namespace {

bool SameGlyphs(const layout::ShapedText& a, const layout::ShapedText& b) {
  if (a.glyphs.size() != b.glyphs.size() || a.width != b.width) return false;
  for (size_t i = 0; i < a.glyphs.size(); ++i) {
    const auto &x = a.glyphs[i], &y = b.glyphs[i];
    if (x.id != y.id || x.advance != y.advance || x.dx != y.dx || x.dy != y.dy ||
        x.cluster != y.cluster)
      return false;
  }
  return true;
}

}  // namespace

TEST_CASE("Shaping cache: a repeated text is a hit with the same glyphs, at any size") {
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  REQUIRE(fonts.ok());
  const auto& face = (*fonts)->face(0);
  const std::string text = "Zusammenarbeit, fristgerecht zum 28. Februar 2027";
  const auto first = layout::Shape(face, 10, text, "de");
  const auto before = layout::ShapeCacheStats();
  const auto again = layout::Shape(face, 10, text, "de");
  CHECK(layout::ShapeCacheStats().hits == before.hits + 1);
  CHECK(SameGlyphs(first, again));
  const auto larger = layout::Shape(face, 20, text, "de");
  CHECK(larger.width == doctest::Approx(2 * first.width));
  // Another font is another key: the same text, other glyphs.
  const auto bold = layout::Shape((*fonts)->face(1), 10, text, "de");
  CHECK(bold.width != doctest::Approx(first.width));
}

TEST_CASE("Shaping cache: threads shaping the same prose agree with one thread") {
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  REQUIRE(fonts.ok());
  const std::vector<std::string> words = {"Kündigung", "ที่ น้ำ ป้า", "Vertragsende", "ปั้น",
                                          "Geschäftsführung", "wypowiedzenie", "ฤๅษี"};
  std::vector<layout::ShapedText> expected;
  for (const auto& w : words) expected.push_back(layout::Shape((*fonts)->face(3), 10.5, w, "th"));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round)
        for (size_t i = 0; i < words.size(); ++i)
          mismatches[t] +=
              !SameGlyphs(layout::Shape((*fonts)->face(3), 10.5, words[i], "th"), expected[i]);
    });
  for (auto& thread : threads) thread.join();
  for (int m : mismatches) CHECK(m == 0);
}

TEST_CASE("LRU cache: never holds more than its budget; the least recently used go first") {
  layout::LruCache<std::string> cache(64 * 1024);  // 4 KiB, about 20 entries, per shard
  for (int i = 0; i < 2000; ++i) {
    const std::string key = "key " + std::to_string(i);
    cache.Store(key, std::make_shared<const std::string>(64, 'x'), 64);
    if (i % 50 == 0) CHECK(cache.Find("key 0") != nullptr);  // kept in use
  }
  const auto stats = cache.stats();
  CHECK(stats.bytes <= 64 * 1024);
  CHECK(stats.entries < 2000);
  CHECK(cache.Find("key 0") != nullptr);
  CHECK(cache.Find("key 1") == nullptr);  // unused: long gone
  CHECK(cache.Find("key 1999") != nullptr);
}

TEST_CASE("Hyphenation cache: the same points as the hyphenator, once per word") {
  auto hyphenator = layout::Hyphenator::Load();
  REQUIRE(hyphenator.ok());
  for (const char* word : {"Kündigungsfrist", "Zusammenarbeit", "Website-Relaunch"}) {
    CAPTURE(word);
    const auto direct = (*hyphenator)->Points(Language::kDe, word);
    const auto cached = layout::CachedHyphenPoints(**hyphenator, Language::kDe, word);
    const auto before = layout::HyphenCacheStats();
    const auto again = layout::CachedHyphenPoints(**hyphenator, Language::kDe, word);
    CHECK(layout::HyphenCacheStats().hits == before.hits + 1);
    REQUIRE(cached.size() == direct.size());
    REQUIRE(again.size() == direct.size());
    for (size_t i = 0; i < direct.size(); ++i) {
      CHECK(cached[i].offset == direct[i].offset);
      CHECK(cached[i].explicit_hyphen == direct[i].explicit_hyphen);
      CHECK(again[i].offset == direct[i].offset);
    }
  }
}
