// Family names, academic titles and towns from free-form request text.
#include "compose/person_name.h"

#include <algorithm>
#include <array>
#include <regex>
#include <sstream>

#include "compose/escape.h"

namespace parting::compose {
namespace {

// Lower-case particles that belong to the family name that follows them.
constexpr std::array<std::string_view, 22> kParticles = {
    "von", "van", "vom", "zu",  "zum",   "zur", "de", "der", "den", "du",  "da",
    "das", "dos", "di",  "del", "della", "le",  "la", "ten", "ter", "bin", "al"};

bool IsParticle(std::string_view word) {
  return std::find(kParticles.begin(), kParticles.end(), word) != kParticles.end();
}

std::vector<std::string> Words(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> words;
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::string Join(const std::vector<std::string>& words, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + words[i];
  return out;
}

}  // namespace

NameParts SplitName(std::string_view name) {
  std::string clean = CleanText(name);
  size_t comma = clean.find(',');
  if (comma != std::string::npos) return NameParts{"", CleanText(clean.substr(0, comma))};
  std::vector<std::string> words = Words(clean);
  if (words.empty()) return {};
  size_t titles = 0;  // leading words like "Dr." or "Prof.", never the last one
  while (titles + 1 < words.size() && words[titles].size() > 1 && words[titles].back() == '.')
    ++titles;
  size_t start = words.size() - 1;
  while (start > titles + 1 && IsParticle(words[start - 1])) --start;
  // "von Bergen" alone: the particle is part of the name, not a first name.
  if (start == titles + 1 && IsParticle(words[titles])) start = titles;
  return NameParts{Join(words, 0, titles), Join(words, start, words.size())};
}

std::string TownOf(const std::vector<std::string>& address) {
  if (address.empty()) return "";
  static const std::regex kPostcodeTown(
      R"(^(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{2}-\d{3}|\d{5}-\d{3})\s+(\S.*)$)");
  std::string line = CleanText(address.back());
  std::smatch match;
  if (!std::regex_match(line, match, kPostcodeTown)) return "";
  // "São Paulo – SP", "Curitiba/PR": the state code is not part of the town.
  static const std::regex kTownState(R"(^(.*?)\s*(?:–|-|/)\s*[A-Z]{2}$)");
  std::smatch town;
  const std::string found = match[1].str();
  if (std::regex_match(found, town, kTownState)) return town[1].str();
  return found;
}

}  // namespace parting::compose
