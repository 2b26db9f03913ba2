#include "layout/hyphen_pack.h"

#include <doctest/doctest.h>
#include <hyphen.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "layout/hyphenate.h"
#include "parting/language.h"

namespace parting::layout {
namespace {

const char* const kDebianFiles[] = {"hyph_en_US.dic", "hyph_de_DE.dic", "hyph_pt_BR.dic",
                                    "hyph_pl_PL.dic"};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The letters of every pattern of a pattern file, in the file's own charset:
// "1ab2c" -> "abc". Words every state of the automaton is reached by.
std::vector<std::string> PatternWords(const std::string& file_bytes) {
  std::vector<std::string> words;
  std::istringstream lines(file_bytes);
  std::string line;
  std::getline(lines, line);  // the charset
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '%' || line.rfind("NEXTLEVEL", 0) == 0 ||
        line.find_first_of("/=") != std::string::npos || std::isupper(static_cast<unsigned char>(line[0])))
      continue;
    std::string word;
    for (char c : line)
      if (!(c >= '0' && c <= '9') && c != '.' && c != '\r') word.push_back(c);
    if (!word.empty()) words.push_back(word);
  }
  return words;
}

// libhyphen's full answer for `word`: the odd/even marks and any
// non-standard replacement.
std::string Hyphenate(HyphenDict* dict, const std::string& word) {
  std::vector<char> hyphens(word.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  hnj_hyphen_hyphenate3(dict, word.c_str(), static_cast<int>(word.size()), hyphens.data(), nullptr,
                        &rep, &pos, &cut, 2, 2, 2, 2);
  std::string answer(hyphens.data(), std::strlen(hyphens.data()));
  if (rep != nullptr) {
    for (size_t i = 0; i < word.size(); ++i) {
      if (rep[i] != nullptr) {
        answer += "|" + std::to_string(i) + ":" + rep[i] + ":" + std::to_string(pos[i]) + ":" +
                  std::to_string(cut[i]);
        std::free(rep[i]);
      }
    }
  }
  std::free(rep);
  std::free(pos);
  std::free(cut);
  return answer;
}

TEST_CASE("Hyphenation packs: the build embedded every Debian dictionary, unchanged") {
  auto hyphenator = Hyphenator::Load("/usr/share/hyphen");
  REQUIRE(hyphenator.ok());
  for (Language language : {Language::kEn, Language::kDe, Language::kPt, Language::kPl}) {
    CAPTURE(static_cast<int>(language));
    CHECK((*hyphenator)->Prepacked(language));
  }
  CHECK((*hyphenator)->Points(Language::kDe, "Kündigungsfrist").size() == 3);
}

TEST_CASE("Language table: each row's hyphenation file is installed, packed and opened") {
  auto hyphenator = Hyphenator::Load("/usr/share/hyphen");
  REQUIRE(hyphenator.ok());
  for (const LanguageInfo& info : kLanguages) {
    CAPTURE(info.code);
    const bool hyphenated = *info.hyphenation_file != '\0';
    CHECK((*hyphenator)->Supports(info.language) == hyphenated);
    // Ragged text is never hyphenated, so a ragged language needs no file.
    if (!info.justify) CHECK_FALSE(hyphenated);
    if (!hyphenated) continue;
    CHECK(*info.hyphenation_package != '\0');
    CHECK(info.hyphen_left >= 1);
    CHECK(info.hyphen_right >= 1);
    CHECK(MinimumFragments(info.language) == FragmentMinimum{info.hyphen_left, info.hyphen_right});
    const std::string bytes = Slurp(std::string("/usr/share/hyphen/") + info.hyphenation_file);
    REQUIRE(!bytes.empty());
    auto packed = PackedDictionary::Open(EmbeddedHyphenationPacks(), info.hyphenation_file, bytes);
    REQUIRE(packed);
    CHECK(packed->dict() != nullptr);
    CHECK((*hyphenator)->Prepacked(info.language));
  }
}

TEST_CASE("Hyphenation packs: a packed automaton answers exactly as libhyphen's own") {
  for (const char* name : kDebianFiles) {
    CAPTURE(name);
    const std::string path = std::string("/usr/share/hyphen/") + name;
    const std::string bytes = Slurp(path);
    REQUIRE(!bytes.empty());
    auto packed = PackedDictionary::Open(EmbeddedHyphenationPacks(), name, bytes);
    REQUIRE(packed);
    HyphenDict* loaded = hnj_hyphen_load(path.c_str());
    REQUIRE(loaded != nullptr);
    const std::vector<std::string> words = PatternWords(bytes);
    REQUIRE(words.size() > 1000);
    size_t differences = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      // Each pattern's letters, and two of them joined, so that matches run
      // across the fallback states too.
      const std::string joined = words[i] + words[(i * 7919) % words.size()];
      for (const std::string& word : {words[i], joined})
        if (Hyphenate(packed->dict(), word) != Hyphenate(loaded, word)) ++differences;
    }
    CHECK(differences == 0);
    hnj_hyphen_free(loaded);
  }
}

TEST_CASE("Hyphenation packs: a pack is refused for a changed file or a damaged bundle") {
  const std::string path = "/usr/share/hyphen/hyph_pl_PL.dic";
  std::string bytes = Slurp(path);
  auto bundle = PackDictionaries({{"hyph_pl_PL.dic", path}});
  REQUIRE(bundle.ok());
  CHECK(PackedDictionary::Open(*bundle, "hyph_pl_PL.dic", bytes) != nullptr);
  CHECK(PackedDictionary::Open(*bundle, "hyph_de_DE.dic", bytes) == nullptr);
  std::string changed = bytes;
  changed[changed.size() / 2] ^= 1;
  CHECK(PackedDictionary::Open(*bundle, "hyph_pl_PL.dic", changed) == nullptr);
  CHECK(PackedDictionary::Open(*bundle, "hyph_pl_PL.dic", bytes + "\n") == nullptr);
  for (size_t cut : {size_t{0}, size_t{3}, size_t{12}, size_t{40}, bundle->size() / 2,
                     bundle->size() - 1}) {
    CAPTURE(cut);
    CHECK(PackedDictionary::Open(std::string_view(*bundle).substr(0, cut), "hyph_pl_PL.dic",
                                 bytes) == nullptr);
  }
}

TEST_CASE("Hyphenation packs: packing is reproducible") {
  const std::vector<PatternFile> files = {{"hyph_pt_BR.dic", "/usr/share/hyphen/hyph_pt_BR.dic"},
                                          {"hyph_en_US.dic", "/usr/share/hyphen/hyph_en_US.dic"}};
  auto first = PackDictionaries(files);
  auto second = PackDictionaries(files);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK(*first == *second);
  CHECK(PackDictionaries({{"x.dic", "/nonexistent/x.dic"}}).status().code() ==
        StatusCode::kNotFound);
}

}  // namespace
}  // namespace parting::layout
