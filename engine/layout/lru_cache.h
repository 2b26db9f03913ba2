// LruCache: results kept per process under a string key, bounded in bytes,
// safe under concurrency, so that a batch of letters does not repeat work on
// the same prose (shaping, hyphenation).
//
// 16 shards, each a mutex-guarded list in use order with a hash index: the
// least recently used entries go first once a shard holds its share of the
// byte budget. Values are shared immutable objects: a reader keeps its value
// alive even after eviction. Lookups do not allocate.
#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace parting::layout {

struct LruStats {
  size_t entries = 0, bytes = 0, hits = 0, misses = 0;
};

template <typename Value>
class LruCache {
 public:
  using Shared = std::shared_ptr<const Value>;

  explicit LruCache(size_t max_bytes) : shards_(kShards) {
    for (auto& shard : shards_) shard.max_bytes = max_bytes / kShards;
  }

  /// The value stored under `key`, or null.
  Shared Find(std::string_view key) {
    Shard& shard = ShardFor(key);
    std::lock_guard lock(shard.mutex);
    auto it = shard.index.find(key);
    if (it == shard.index.end()) {
      ++shard.misses;
      return nullptr;
    }
    ++shard.hits;
    shard.lru.splice(shard.lru.begin(), shard.lru, it->second);
    return it->second->value;
  }

  /// Keeps `value` under `key`; `cost` is its size in bytes (the key and
  /// bookkeeping are added). A value larger than a shard is not kept.
  void Store(std::string_view key, Shared value, size_t cost) {
    Shard& shard = ShardFor(key);
    cost += key.size() + kEntryOverhead;
    std::lock_guard lock(shard.mutex);
    if (cost > shard.max_bytes || shard.index.count(key)) return;
    shard.lru.push_front({std::string(key), std::move(value), cost});
    shard.index.emplace(shard.lru.front().key, shard.lru.begin());
    shard.bytes += cost;
    while (shard.bytes > shard.max_bytes) {
      const Entry& last = shard.lru.back();
      shard.bytes -= last.cost;
      shard.index.erase(last.key);
      shard.lru.pop_back();
    }
  }

  LruStats stats() {
    LruStats out;
    for (auto& shard : shards_) {
      std::lock_guard lock(shard.mutex);
      out.entries += shard.lru.size();
      out.bytes += shard.bytes;
      out.hits += shard.hits;
      out.misses += shard.misses;
    }
    return out;
  }

 private:
  static constexpr size_t kShards = 16;
  static constexpr size_t kEntryOverhead = 128;  // list and index nodes

  struct Entry {
    std::string key;
    Shared value;
    size_t cost;
  };
  struct Shard {
    std::mutex mutex;
    std::list<Entry> lru;  // most recently used first
    // Keys view the entries' own strings, which list nodes never move.
    std::unordered_map<std::string_view, typename std::list<Entry>::iterator> index;
    size_t bytes = 0, max_bytes = 0, hits = 0, misses = 0;
  };

  Shard& ShardFor(std::string_view key) {
    return shards_[std::hash<std::string_view>()(key) % kShards];
  }

  std::vector<Shard> shards_;
};

}  // namespace parting::layout
