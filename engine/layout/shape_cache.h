// ShapeCache: HarfBuzz results kept per process, so that prose repeated
// across the letters of a batch (every template sentence) is shaped once.
//
// Keyed by font, language and text; values are in font units, so one entry
// serves every size. Bounded in bytes: 16 shards, each a mutex-guarded LRU
// list, so concurrent letters rarely wait on each other. Thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parting::layout {

/// One glyph in font units, clusters already monotone (see shape.h).
struct UnitGlyph {
  uint32_t id;
  uint32_t cluster;
  int32_t x_advance;
  int32_t x_offset;
  int32_t y_offset;
};

using UnitGlyphs = std::shared_ptr<const std::vector<UnitGlyph>>;

class ShapeCache {
 public:
  explicit ShapeCache(size_t max_bytes);
  ~ShapeCache();
  /// The glyphs stored under (font, language, text), or null.
  UnitGlyphs Find(uint64_t font, std::string_view language, std::string_view text);
  void Store(uint64_t font, std::string_view language, std::string_view text, UnitGlyphs glyphs);

  struct Stats {
    size_t entries = 0, bytes = 0, hits = 0, misses = 0;
  };
  Stats stats() const;

 private:
  struct Shard;
  static std::string Key(uint64_t font, std::string_view language, std::string_view text);
  Shard& ShardFor(const std::string& key);
  std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace parting::layout
