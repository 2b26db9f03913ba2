// Strict UTF-8 decoding and encoding, for every stage.
//
// Requests are checked byte by byte before any JSON parser sees them (and
// every string again after unescaping), so later stages handle valid UTF-8
// only and decode it with the same function. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parting {

/// Decodes the code point starting at `text[pos]` and advances `pos` past it.
/// Rejects overlong forms, surrogates and values above U+10FFFF; on failure
/// returns nullopt and leaves `pos` unchanged.
std::optional<char32_t> DecodeUtf8(std::string_view text, size_t& pos);

/// The byte offset of the first invalid sequence, nullopt when all is valid.
std::optional<size_t> FirstInvalidUtf8(std::string_view text);

/// The number of code points; requires valid UTF-8.
size_t CountCodePoints(std::string_view text);

/// Appends code point `c` (at most U+10FFFF) to `out` as UTF-8.
void AppendUtf8(std::string& out, char32_t c);

}  // namespace parting
