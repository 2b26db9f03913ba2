// Deflate: zlib streams the PDF stage compresses itself, once, rather than
// leaving it to libharu at every save: a font cut for one letter is the same
// bytes for the next letter with the same glyphs, and so is its ToUnicode
// map. Compressed at zlib's best level, since the work is not repeated.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace parting::pdf {

/// `bytes` as a zlib stream (RFC 1950: what /FlateDecode reads), best level.
std::string Deflate(std::string_view bytes);

/// Deflate(bytes), kept per process in a bounded, thread-safe cache keyed by
/// the bytes themselves.
std::shared_ptr<const std::string> DeflateCached(std::string_view bytes);

}  // namespace parting::pdf
