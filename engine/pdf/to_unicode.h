// The ToUnicode CMap that makes text in Parting's PDFs searchable and
// copyable. libharu 2.3.0 writes an invalid one for UTF-8 fonts (a
// begincidrange where a bfrange belongs; poppler warns on every file), so the
// PDF stage replaces it with this one before saving.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace parting::pdf {

/// A CMap mapping each 2-byte code (= the Unicode code point, as libharu's
/// UTF-8 encoder writes it) back to that code point, and each private-use
/// code in `private_use` to the text it stands for. Other private-use codes
/// and surrogates map to nothing.
std::string ToUnicodeCMap(const std::map<uint32_t, std::string>& private_use);

}  // namespace parting::pdf
