#include "pdf/deflate.h"

#include <libdeflate.h>

#include <iterator>
#include <memory>
#include <new>

#include "layout/lru_cache.h"

namespace parting::pdf {
namespace {

// A compressor per thread and effort: allocating one costs more than
// compressing a page (libdeflate compressors are not safe to share).
libdeflate_compressor* Compressor(Effort effort) {
  struct Free {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
  };
  static constexpr int kLevel[] = {1, 6, 12};  // by Effort
  thread_local std::unique_ptr<libdeflate_compressor, Free> compressors[std::size(kLevel)];
  const auto index = static_cast<size_t>(effort);
  auto& slot = compressors[index];
  if (!slot) slot.reset(libdeflate_alloc_compressor(kLevel[index]));
  if (!slot) throw std::bad_alloc();
  return slot.get();
}

}  // namespace

std::string Deflate(std::string_view bytes, Effort effort) {
  libdeflate_compressor* compressor = Compressor(effort);
  std::string out(libdeflate_zlib_compress_bound(compressor, bytes.size()), '\0');
  const size_t size =
      libdeflate_zlib_compress(compressor, bytes.data(), bytes.size(), out.data(), out.size());
  if (size == 0) throw std::bad_alloc();  // the bound always fits
  out.resize(size);
  return out;
}

std::shared_ptr<const std::string> DeflateCached(std::string_view bytes) {
  static layout::LruCache<std::string> cache(4u << 20);
  if (auto found = cache.Find(bytes)) return found;
  auto deflated = std::make_shared<const std::string>(Deflate(bytes, Effort::kBest));
  cache.Store(bytes, deflated, deflated->size());
  return deflated;
}

}  // namespace parting::pdf
