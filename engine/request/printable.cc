#include "request/printable.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <vector>

#include "core/utf8.h"

namespace parting::request {
namespace {

constexpr UScriptCode kPrintable[] = {USCRIPT_LATIN, USCRIPT_GREEK, USCRIPT_CYRILLIC, USCRIPT_THAI};
constexpr size_t kNamed = 5;  // characters named in one message
constexpr std::string_view kNoCharacter = "unassigned or private use";

bool Printable(UScriptCode script) {
  return std::find(std::begin(kPrintable), std::end(kPrintable), script) != std::end(kPrintable);
}

// The reason `c` cannot be printed ("Han", "emoji"), "" when it can.
std::string WhyNot(char32_t c) {
  const UChar32 cp = static_cast<UChar32>(c);
  // Emoji are common characters, but no letter font draws them.
  if (u_hasBinaryProperty(cp, UCHAR_EMOJI_PRESENTATION) ||
      (cp >= 0x1F000 && u_hasBinaryProperty(cp, UCHAR_EXTENDED_PICTOGRAPHIC)))
    return "emoji";
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(cp, &status);
  if (U_FAILURE(status)) return "unknown script";
  if (Printable(script)) return "";
  if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED) {
    // A common character used by named scripts only (the ideographic full
    // stop: Han, Hiragana, …) belongs to them; one used by every script
    // (digits, most punctuation) has itself as its only extension.
    UScriptCode extensions[32];
    status = U_ZERO_ERROR;
    const int n = uscript_getScriptExtensions(cp, extensions, 32, &status);
    if (U_FAILURE(status) || n <= 0) return "";
    bool own = false;
    for (int i = 0; i < n; ++i) {
      if (Printable(extensions[i])) return "";
      own = own || extensions[i] == USCRIPT_COMMON || extensions[i] == USCRIPT_INHERITED;
    }
    if (own) return "";
    // Name the script a reader knows it from: Han for the ideographic
    // full stop, not Bopomofo, which ICU lists first.
    for (int i = 0; i < n; ++i)
      if (extensions[i] == USCRIPT_HAN) return uscript_getName(USCRIPT_HAN);
    return uscript_getName(extensions[0]);
  }
  if (script == USCRIPT_UNKNOWN) return std::string(kNoCharacter);
  return uscript_getName(script);
}

}  // namespace

std::string CodePointName(char32_t cp) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string digits;
  for (int shift = cp > 0xFFFFF ? 20 : cp > 0xFFFF ? 16 : 12; shift >= 0; shift -= 4)
    digits += kHex[(cp >> shift) & 0xF];
  return "U+" + digits;
}

std::string UnprintableCharacters(std::string_view text) {
  std::vector<char32_t> named;
  std::string list;
  size_t more = 0;
  for (size_t pos = 0; pos < text.size();) {
    // Printable ASCII is Latin or common to every script: printable.
    if (text[pos] >= 0x20 && text[pos] < 0x7F) {
      ++pos;
      continue;
    }
    const auto c = DecodeUtf8(text, pos);
    if (!c) {
      ++pos;
      continue;
    }
    const std::string why = WhyNot(*c);
    if (why.empty() || std::find(named.begin(), named.end(), *c) != named.end()) continue;
    if (named.size() == kNamed) {
      ++more;
      continue;
    }
    named.push_back(*c);
    if (!list.empty()) list += ", ";
    // The character itself, unless it is unassigned or private (it would
    // show as a box in the message too).
    if (why != kNoCharacter) {
      AppendUtf8(list, *c);
      list += ' ';
    }
    list += CodePointName(*c) + " (" + why + ")";
  }
  if (named.empty()) return "";
  std::string message = "cannot be printed in the letter: " + list;
  if (more > 0) message += " and " + std::to_string(more) + " more";
  return message;
}

}  // namespace parting::request
