// Which characters a letter can print.
//
// The letters are set in Noto Sans (Latin, Greek, Cyrillic) and Noto Sans
// Thai; text in any other script would print as empty boxes, so the request
// stage refuses it up front, naming the characters. Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace parting::request {

/// "" when every character of UTF-8 `text` can be printed; otherwise a
/// message that names the first few characters that cannot (each with its
/// code point and script: "cannot be printed: 山 U+5C71 (Han), 田 U+7530
/// (Han)"). Allowed: the Latin, Greek, Cyrillic and Thai scripts, and common
/// and inherited characters (digits, punctuation, combining marks) that one
/// of those scripts uses; refused: every other script, emoji, unassigned and
/// private-use code points. Requires valid UTF-8.
std::string UnprintableCharacters(std::string_view text);

/// "U+5C71": the code point as Unicode writes it.
std::string CodePointName(char32_t cp);

}  // namespace parting::request
