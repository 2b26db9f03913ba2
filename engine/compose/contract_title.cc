// Naming the contract by its title: see contract_title.h.
#include "compose/contract_title.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "compose/escape.h"

namespace parting::compose {
namespace {

std::string AsciiLower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string FirstWord(const std::string& clean) { return clean.substr(0, clean.find(' ')); }

// A German title's head noun and its articles, from the end of its first
// word: "Rahmenvertrag", "IT-Dienstleistungsvertrag" (der), "Wartungs-
// vereinbarung" (die), "Kooperationsabkommen" (das).
struct GermanHead {
  std::string_view ending;
  std::string_view accusative;
  std::string_view nominative;
  std::string_view genitive;         ///< the article
  std::string_view genitive_ending;  ///< added to the head noun: "des Rahmenvertrags"
};
constexpr std::array<GermanHead, 3> kGermanHeads = {{
    {"vertrag", "den", "Der", "des", "s"},
    {"vereinbarung", "die", "Die", "der", ""},
    {"abkommen", "das", "Das", "des", "s"},
}};

const GermanHead* GermanHeadOf(const std::string& clean) {
  const std::string first = AsciiLower(FirstWord(clean));
  for (const GermanHead& head : kGermanHeads)
    if (first.ends_with(head.ending)) return &head;
  return nullptr;
}

// A Polish title headed by "umowa" (feminine, the sentences agree with it).
bool PolishUmowa(const std::string& clean) { return AsciiLower(FirstWord(clean)) == "umowa"; }

// A feminine adjective in the nominative after "umowa" ("ramowa",
// "licencyjna", "deweloperska"): never a noun in the genitive such as
// "zlecenia", "dostawy", "najmu" or "kupna".
bool PolishFeminineAdjective(const std::string& word) {
  const std::string lower = AsciiLower(word);
  if (lower == "kupna") return false;
  for (std::string_view ending : {"owa", "na", "ska", "cka"})
    if (lower.size() > ending.size() && lower.ends_with(ending)) return true;
  return false;
}

// The final "a" of a word replaced by `lower` or `upper` as its case says.
std::string ReplaceFinalA(const std::string& word, std::string_view lower, std::string_view upper) {
  return word.substr(0, word.size() - 1) + std::string(word.back() == 'A' ? upper : lower);
}

// The Polish cases a title is declined into: the head noun "umowa" and the
// feminine adjectives after it change their ending; the rest stays as given.
enum class PolishCase { kAccusative, kGenitive };

std::string DeclineHead(const std::string& word, PolishCase grammatical_case) {
  if (grammatical_case == PolishCase::kAccusative)
    return ReplaceFinalA(word, "\xC4\x99", "\xC4\x98");  // umowę, UMOWĘ
  return ReplaceFinalA(word, "y", "Y");                  // umowy
}

std::string DeclineAdjective(const std::string& word, PolishCase grammatical_case) {
  if (grammatical_case == PolishCase::kAccusative)
    return ReplaceFinalA(word, "\xC4\x85", "\xC4\x84");  // ramową
  // ramowej, licencyjnej; after k and g "-iej": deweloperskiej.
  const char before =
      static_cast<char>(std::tolower(static_cast<unsigned char>(word[word.size() - 2])));
  const bool soft = before == 'k' || before == 'g';
  return ReplaceFinalA(word, soft ? "iej" : "ej", soft ? "IEJ" : "EJ");
}

// "Umowa ramowa o współpracy" → "Umowę ramową o współpracy" (accusative),
// "Umowy ramowej o współpracy" (genitive).
std::string PolishDeclined(const std::string& clean, PolishCase grammatical_case) {
  std::string out;
  size_t at = 0;
  bool declining = true;
  for (int word_index = 0; at <= clean.size(); ++word_index) {
    size_t end = clean.find(' ', at);
    if (end == std::string::npos) end = clean.size();
    std::string word = clean.substr(at, end - at);
    if (declining && word_index == 0)
      word = DeclineHead(word, grammatical_case);
    else if (declining && PolishFeminineAdjective(word))
      word = DeclineAdjective(word, grammatical_case);
    else
      declining = false;
    out += (out.empty() ? "" : " ") + word;
    at = end + 1;
  }
  return out;
}

}  // namespace

bool TitleNamesContract(Language language, const std::string& title) {
  const std::string lower = AsciiLower(CleanText(title));
  const std::string first = FirstWord(lower);
  auto first_is = [&](std::initializer_list<std::string_view> words) {
    return std::find(words.begin(), words.end(), first) != words.end();
  };
  switch (language) {
    case Language::kEn:
      return lower.find("agreement") != std::string::npos ||
             lower.find("contract") != std::string::npos;
    case Language::kDe:
      return lower.find("vertrag") != std::string::npos ||
             lower.find("vereinbarung") != std::string::npos;
    case Language::kPt:
      return first_is({"contrato", "acordo", "termo", "instrumento", "aditivo"});
    case Language::kPl:
      return first_is({"umowa", "porozumienie", "aneks"});
    case Language::kTh:
      return lower.starts_with("สัญญา");
  }
  return false;
}

std::string TitleAsObject(Language language, const std::string& title) {
  const std::string clean = CleanText(title);
  if (clean.empty()) return "";
  if (language == Language::kDe) {
    const GermanHead* head = GermanHeadOf(clean);
    return head ? std::string(head->accusative) + " " + clean : "";
  }
  if (language == Language::kPl && PolishUmowa(clean))
    return PolishDeclined(clean, PolishCase::kAccusative);
  return "";
}

std::string TitleAsSubject(Language language, const std::string& title) {
  const std::string clean = CleanText(title);
  if (clean.empty()) return "";
  if (language == Language::kDe) {
    const GermanHead* head = GermanHeadOf(clean);
    return head ? std::string(head->nominative) + " " + clean : "";
  }
  if (language == Language::kPl && PolishUmowa(clean)) return clean;
  return "";
}

std::string TitleGenitive(Language language, const std::string& title) {
  const std::string clean = CleanText(title);
  if (language == Language::kDe) {
    const GermanHead* head = GermanHeadOf(clean);
    if (!head) return "";
    const size_t space = clean.find(' ');
    const size_t end = space == std::string::npos ? clean.size() : space;
    return std::string(head->genitive) + " " + clean.substr(0, end) +
           std::string(head->genitive_ending) + clean.substr(end);
  }
  if (language == Language::kPl && !clean.empty() && PolishUmowa(clean))
    return PolishDeclined(clean, PolishCase::kGenitive);
  return "";
}

}  // namespace parting::compose
