// Deflate: the zlib streams of a PDF, compressed by the PDF stage itself
// with libdeflate (faster than zlib at every level, and smaller at its
// best), rather than by libharu with zlib at every save.
//
// A font cut for one letter is the same bytes for the next letter with the
// same glyphs, and so is its ToUnicode map: those are compressed once, at
// the best level, and kept (DeflateCached). Page content differs per letter
// and is compressed at a level that costs little time: the fastest for
// most letters, a middle one where the bytes are (ContentEffort()).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace parting::pdf {

enum class Effort {
  kFast,   ///< content written once: libdeflate's fastest level (1)
  kQuick,  ///< content written once where bytes count: level 6, zlib's default
  kBest,   ///< content kept and reused: libdeflate's smallest output (12)
};

/// `bytes` as a zlib stream (RFC 1950: what /FlateDecode reads).
std::string Deflate(std::string_view bytes, Effort effort);

/// Deflate(bytes, kBest), kept per process in a bounded, thread-safe cache
/// keyed by the bytes themselves.
std::shared_ptr<const std::string> DeflateCached(std::string_view bytes);

}  // namespace parting::pdf
