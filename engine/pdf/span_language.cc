#include "pdf/span_language.h"

#include <unicode/uscript.h>

#include <cstring>

#include "core/utf8.h"

namespace parting::pdf {

ScriptLanguages::ScriptLanguages(std::string_view document_language) {
  const std::string_view primary = document_language.substr(0, document_language.find('-'));
  thai_ = primary == "th";
  greek_ = primary == "el";
  if (!thai_) leads_[leads_count_++] = 0xE0;
  if (!greek_)
    for (unsigned char b : {0xCE, 0xCF, 0xCD, 0xE1}) leads_[leads_count_++] = b;
}

bool ScriptLanguages::MayChange(std::string_view text) const {
  // Thai U+0E00..U+0E7F is E0 B8|B9 xx in UTF-8; Greek U+0370..U+03FF is
  // CD|CE|CF xx, Greek Extended U+1F00..U+1FFF E1 BC..BF xx. First the
  // cheap answer, with glibc's vectorized memchr: no lead byte of a script
  // that would say another language, no change.
  bool lead = false;
  for (size_t k = 0; k < leads_count_ && !lead; ++k)
    lead = std::memchr(text.data(), leads_[k], text.size()) != nullptr;
  if (!lead) return false;
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0xCD) continue;
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (!thai_ && b == 0xE0 && (next == 0xB8 || next == 0xB9)) return true;
    if (!greek_ &&
        (b == 0xCD || b == 0xCE || b == 0xCF || (b == 0xE1 && next >= 0xBC && next <= 0xBF)))
      return true;
  }
  return false;
}

ScriptLanguages::Answer ScriptLanguages::Of(std::string_view text) const {
  UScriptCode script = USCRIPT_COMMON;
  bool mixed = false;
  for (size_t pos = 0; pos < text.size();) {
    const auto c = DecodeUtf8(text, pos);
    if (!c) {
      ++pos;
      continue;
    }
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(static_cast<UChar32>(*c), &status);
    if (U_FAILURE(status) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED) continue;
    mixed |= script != USCRIPT_COMMON && s != script;
    script = s;
  }
  Answer answer;
  answer.letters = script != USCRIPT_COMMON;
  if (mixed) return answer;
  if (script == USCRIPT_THAI && !thai_) answer.language = "th";
  if (script == USCRIPT_GREEK && !greek_) answer.language = "el";
  return answer;
}

}  // namespace parting::pdf
