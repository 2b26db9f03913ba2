// UTF-8 -> UTF-16 code units, for the PDF's text strings (metadata,
// annotations) and its ToUnicode map.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace parting::pdf {

/// The UTF-16 code units of valid UTF-8 `text` (surrogate pairs above the BMP).
std::vector<uint16_t> Utf16Units(std::string_view text);

}  // namespace parting::pdf
