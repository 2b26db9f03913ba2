// The ToUnicode CMap that makes text in Parting's PDFs searchable and
// copyable. libharu 2.3.0 writes an invalid one for UTF-8 fonts (a
// begincidrange where a bfrange belongs; poppler warns on every file), so the
// PDF stage replaces it with this one before saving.
#pragma once

#include <string>

namespace parting::pdf {

/// A CMap mapping each 2-byte code (= the Unicode code point, as libharu's
/// UTF-8 encoder writes it) back to that code point. Surrogates and the
/// Private Use Area map to nothing: a PUA glyph is never text by itself.
const std::string& IdentityToUnicodeCMap();

}  // namespace parting::pdf
