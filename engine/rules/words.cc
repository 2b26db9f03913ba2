// Words::Say(): a pattern of each form filled with its arguments.
#include "rules/words.h"

#include <iterator>

#include "locale/locale.h"
#include "parting/language.h"
#include "rules/steps.h"

namespace parting::rules {
namespace {

std::string Stable(const WordArg& arg) {
  if (const Date* date = std::get_if<Date>(&arg)) return date->ToIso();
  if (const Period* period = std::get_if<Period>(&arg)) return PeriodText(*period);
  if (const int64_t* count = std::get_if<int64_t>(&arg)) return std::to_string(*count);
  if (const std::string* text = std::get_if<std::string>(&arg)) return *text;
  return std::get<Said>(arg).stable;
}

std::string Local(Language language, const WordArg& arg) {
  if (const Date* date = std::get_if<Date>(&arg)) return locale::FormatDate(language, *date);
  if (const Period* period = std::get_if<Period>(&arg))
    return locale::FormatPeriod(language, *period);
  if (const int64_t* count = std::get_if<int64_t>(&arg)) return std::to_string(*count);
  if (const std::string* text = std::get_if<std::string>(&arg)) return *text;
  return std::get<Said>(arg).text;
}

std::string_view Find(const Patterns& patterns, std::string_view key) {
  auto found = patterns.find(key);
  return found == patterns.end() ? std::string_view() : found->second;
}

}  // namespace

std::string Fill(std::string_view pattern, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(pattern.size() + 32);
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
      out += '{';
      ++i;
    } else if (c == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
               pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      const size_t n = static_cast<size_t>(pattern[i + 1] - '0');
      if (n < args.size()) out += args[n];
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

const Patterns& PatternsFor(Language language) {
  // In the order of kLanguages (parting/language.h).
  static constexpr const Patterns& (*kByLanguage[])() = {
      EnglishPatterns, GermanPatterns, PortuguesePatterns, PolishPatterns, ThaiPatterns};
  static_assert(std::size(kByLanguage) == kLanguages.size());
  return kByLanguage[LanguageIndex(language)]();
}

Said Words::Say(std::string_view key, std::initializer_list<WordArg> args) const {
  std::vector<std::string> stable;
  std::vector<std::string> local;
  for (const WordArg& arg : args) {
    stable.push_back(Stable(arg));
    local.push_back(Local(language_, arg));
  }
  const std::string missing = "[missing words: " + std::string(key) + "]";
  const std::string_view english = Find(StablePatterns(), key);
  std::string_view own = Find(PatternsFor(language_), key);
  if (own.empty()) own = english;
  return {english.empty() ? missing : Fill(english, stable),
          own.empty() ? missing : Fill(own, local)};
}

}  // namespace parting::rules
