#include "pdf/deflate.h"

#include <zlib.h>

#include <stdexcept>

#include "layout/lru_cache.h"

namespace parting::pdf {

std::string Deflate(std::string_view bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uLong>(bytes.size()),
                Z_BEST_COMPRESSION) != Z_OK)
    throw std::bad_alloc();  // with a buffer of compressBound(), only memory can fail
  out.resize(size);
  return out;
}

std::shared_ptr<const std::string> DeflateCached(std::string_view bytes) {
  static layout::LruCache<std::string> cache(4u << 20);
  if (auto found = cache.Find(bytes)) return found;
  auto deflated = std::make_shared<const std::string>(Deflate(bytes));
  cache.Store(bytes, deflated, deflated->size());
  return deflated;
}

}  // namespace parting::pdf
