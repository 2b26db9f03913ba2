// Words: the plan's texts, once stable in English and once in the letter's
// language.
//
// Every derivation, note and warning of the plan is said through Say(key,
// args): the key names a pattern ("notice": "notice {0} from {1} = {2}"), one
// table per language holds the patterns (words_<lang>.cc). The stable form
// fills the stable English pattern (words_stable.cc) with ISO dates and
// "3 months" (the plan's `derivation`, warning `message`: for integrations,
// never reworded lightly); the text form fills the letter language's pattern
// with its long dates and durations (locale/), which the review page prints. A Said can be an
// argument of the next Say, so a sentence is built from its parts in each
// language's own word order. Pure and thread-safe.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <variant>

#include "parting/date.h"
#include "parting/request.h"

namespace parting::rules {

/// One text in both forms.
struct Said {
  std::string stable;  ///< English, ISO dates
  std::string text;    ///< the letter's language, its long dates
};

/// An argument of a pattern: a date, a period, a count, a verbatim string
/// (a name from the request, an ISO code) or an already said part.
using WordArg = std::variant<Date, Period, int64_t, std::string, Said>;

/// key -> pattern with {0}…{9}. Every language has every key of the stable
/// table, with the same arguments (tests/rules/words_test.cc).
using Patterns = std::map<std::string_view, std::string_view>;
const Patterns& StablePatterns();
const Patterns& EnglishPatterns();
const Patterns& GermanPatterns();
const Patterns& PortuguesePatterns();
const Patterns& PolishPatterns();
const Patterns& ThaiPatterns();
const Patterns& PatternsFor(Language language);

class Words {
 public:
  explicit Words(Language language) : language_(language) {}

  /// The pattern `key` filled with `args` in both forms. An unknown key is a
  /// programming error and says so in the text ("[missing words: key]").
  Said Say(std::string_view key, std::initializer_list<WordArg> args = {}) const;

  Language language() const { return language_; }

 private:
  Language language_;
};

/// "{0} and {1}" filling, exposed for the tests: `{n}` is replaced by
/// args[n]; "{{" is a literal brace.
std::string Fill(std::string_view pattern, const std::vector<std::string>& args);

}  // namespace parting::rules
