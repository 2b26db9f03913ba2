#include "layout/shape_cache.h"

#include <functional>
#include <list>
#include <mutex>
#include <unordered_map>

namespace parting::layout {

namespace {
constexpr size_t kShards = 16;
// What an entry costs besides its key and glyphs: list and map nodes.
constexpr size_t kEntryOverhead = 128;
}  // namespace

struct ShapeCache::Shard {
  struct Entry {
    std::string key;
    UnitGlyphs glyphs;
  };
  std::mutex mutex;
  std::list<Entry> lru;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index;
  size_t bytes = 0;
  size_t max_bytes = 0;
  size_t hits = 0;
  size_t misses = 0;

  static size_t Cost(const Entry& e) {
    return e.key.size() + e.glyphs->size() * sizeof(UnitGlyph) + kEntryOverhead;
  }
};

ShapeCache::ShapeCache(size_t max_bytes) {
  for (size_t i = 0; i < kShards; ++i) {
    shards_.push_back(std::make_unique<Shard>());
    shards_.back()->max_bytes = max_bytes / kShards;
  }
}

ShapeCache::~ShapeCache() = default;

std::string ShapeCache::Key(uint64_t font, std::string_view language, std::string_view text) {
  std::string key(reinterpret_cast<const char*>(&font), sizeof font);
  key += language;
  key += '\0';
  key += text;
  return key;
}

ShapeCache::Shard& ShapeCache::ShardFor(const std::string& key) {
  return *shards_[std::hash<std::string>()(key) % kShards];
}

UnitGlyphs ShapeCache::Find(uint64_t font, std::string_view language, std::string_view text) {
  const std::string key = Key(font, language, text);
  Shard& shard = ShardFor(key);
  std::lock_guard lock(shard.mutex);
  auto it = shard.index.find(key);
  if (it == shard.index.end()) {
    ++shard.misses;
    return nullptr;
  }
  ++shard.hits;
  shard.lru.splice(shard.lru.begin(), shard.lru, it->second);
  return it->second->glyphs;
}

void ShapeCache::Store(uint64_t font, std::string_view language, std::string_view text,
                       UnitGlyphs glyphs) {
  std::string key = Key(font, language, text);
  Shard& shard = ShardFor(key);
  std::lock_guard lock(shard.mutex);
  if (shard.index.count(key)) return;  // another thread shaped it meanwhile
  shard.lru.push_front({std::move(key), std::move(glyphs)});
  const size_t cost = Shard::Cost(shard.lru.front());
  if (cost > shard.max_bytes) {  // larger than the whole shard: not kept
    shard.lru.pop_front();
    return;
  }
  shard.index.emplace(shard.lru.front().key, shard.lru.begin());
  shard.bytes += cost;
  while (shard.bytes > shard.max_bytes) {
    const Shard::Entry& last = shard.lru.back();
    shard.bytes -= Shard::Cost(last);
    shard.index.erase(last.key);
    shard.lru.pop_back();
  }
}

ShapeCache::Stats ShapeCache::stats() const {
  Stats out;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    out.entries += shard->lru.size();
    out.bytes += shard->bytes;
    out.hits += shard->hits;
    out.misses += shard->misses;
  }
  return out;
}

}  // namespace parting::layout
