// The language of a stretch of text in another script than its letter's,
// where the script alone says it (ISO 14289-1, 7.2: a change of natural
// language is marked). Compose has no per-span language; but a name in Thai
// letters in a German letter is Thai, one in Greek letters Greek. A Latin
// name in a Thai letter is not tagged: Latin script says no language.
#pragma once

#include <string>
#include <string_view>

namespace parting::pdf {

class ScriptLanguages {
 public:
  /// For a document in `document_language` (a BCP 47 tag).
  explicit ScriptLanguages(std::string_view document_language);

  /// False when `text` surely has no letter of a script that says another
  /// language (memchr for those scripts' UTF-8 lead bytes: no decoding, no
  /// ICU): nearly every run.
  bool MayChange(std::string_view text) const;

  struct Answer {
    bool letters = false;            ///< `text` has letters (not only digits, spaces, marks...)
    const char* language = nullptr;  ///< "th", "el": their script's language, not the document's
  };
  /// What the letters of `text` say: a language when all are Thai (or all
  /// Greek) and the document is not in it.
  Answer Of(std::string_view text) const;

 private:
  bool thai_;   // the document is in Thai
  bool greek_;  // in Greek
  unsigned char leads_[5] = {};  // UTF-8 lead bytes of the scripts that would change it
  size_t leads_count_ = 0;
};

}  // namespace parting::pdf
