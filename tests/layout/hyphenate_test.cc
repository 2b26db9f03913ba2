#include "layout/hyphenate.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace parting::layout {
namespace {

const std::filesystem::path kDebianDir = "/usr/share/hyphen";

const Hyphenator& Debian() {
  static const std::shared_ptr<const Hyphenator> hyphenator = [] {
    auto loaded = Hyphenator::Load(kDebianDir);
    REQUIRE_MESSAGE(loaded.ok(), loaded.status().ToString());
    return loaded.value();
  }();
  return *hyphenator;
}

// The word with "=" at each discretionary point and "|" at each break after
// an existing hyphen: "Kün=di=gungs=frist", "Web=si=te-|Re=launch".
std::string Marked(std::string_view word, const std::vector<HyphenPoint>& points) {
  std::string marked;
  size_t last = 0;
  for (const HyphenPoint& point : points) {
    REQUIRE(point.offset > last);
    REQUIRE(point.offset < word.size());
    marked.append(word.substr(last, point.offset - last));
    marked += point.explicit_hyphen ? "|" : "=";
    last = point.offset;
  }
  marked.append(word.substr(last));
  return marked;
}

std::string Marked(Language language, std::string_view word) {
  return Marked(word, Debian().Points(language, word));
}

struct Case {
  Language language;
  std::string word;
  std::string marked;
};

// What Debian's dictionaries give, checked against the languages' usage.
const std::vector<Case>& DictionaryCases() {
  static const std::vector<Case> cases = {
      {Language::kEn, "termination", "ter=mi=na=tion"},
      {Language::kEn, "relationship", "re=la=tion=ship"},
      {Language::kEn, "consultation", "con=sul=ta=tion"},
      {Language::kEn, "agreement", "agree=ment"},
      {Language::kDe, "Kündigungsfrist", "Kün=di=gungs=frist"},
      {Language::kDe, "Rahmenvertrag", "Rah=men=ver=trag"},
      {Language::kDe, "Beratungsleistungen", "Be=ra=tungs=leis=tun=gen"},
      {Language::kDe, "Geschäftsführerin", "Ge=schäfts=füh=re=rin"},
      {Language::kDe, "Zusammenarbeit", "Zu=sam=men=ar=beit"},
      {Language::kDe, "Vertragsverhältnis", "Ver=trags=ver=hält=nis"},
      {Language::kDe, "Straßenbahn", "Stra=ßen=bahn"},
      {Language::kDe, "Übergabe", "Über=ga=be"},
      {Language::kPl, "współpracy", "współ=pra=cy"},
      {Language::kPl, "wypowiedzenie", "wy=po=wie=dze=nie"},
      {Language::kPl, "zobowiązania", "zo=bo=wią=za=nia"},
      {Language::kPl, "należności", "na=leż=no=ści"},
      {Language::kPl, "rozwiązanie", "roz=wią=za=nie"},
      {Language::kPt, "rescisão", "res=ci=são"},
      {Language::kPt, "contratual", "con=tra=tual"},
      {Language::kPt, "atenciosamente", "aten=ci=o=sa=mente"},
      {Language::kPt, "prestação", "pres=ta=ção"},
      {Language::kPt, "serviços", "ser=vi=ços"},
  };
  return cases;
}

int LettersIn(std::string_view text) {
  int letters = 0;
  for (unsigned char c : text) letters += (c & 0xC0) != 0x80 && c != '-' && c != '\'' ? 1 : 0;
  return letters;
}

}  // namespace

TEST_CASE("Hyphenator: dictionary points for real words in every language") {
  for (const Case& c : DictionaryCases()) {
    CAPTURE(c.word);
    CHECK(Marked(c.language, c.word) == c.marked);
  }
}

TEST_CASE("Hyphenator: offsets are bytes of the UTF-8 word") {
  const Hyphenator& h = Debian();
  SUBCASE("German, ISO-8859-1 dictionary") {
    CHECK(h.Points(Language::kDe, "Kündigungsfrist") ==
          std::vector<HyphenPoint>{{4, false}, {6, false}, {11, false}});
  }
  SUBCASE("Polish, ISO-8859-2 dictionary") {
    CHECK(h.Points(Language::kPl, "współpracy") ==
          std::vector<HyphenPoint>{{7, false}, {10, false}});
  }
  SUBCASE("Portuguese, UTF-8 dictionary") {
    CHECK(h.Points(Language::kPt, "rescisão") == std::vector<HyphenPoint>{{3, false}, {5, false}});
  }
  SUBCASE("every point is a character boundary inside the word") {
    for (const Case& c : DictionaryCases()) {
      CAPTURE(c.word);
      for (const HyphenPoint& point : h.Points(c.language, c.word)) {
        REQUIRE(point.offset > 0);
        REQUIRE(point.offset < c.word.size());
        CHECK((static_cast<unsigned char>(c.word[point.offset]) & 0xC0) != 0x80);
      }
    }
  }
}

TEST_CASE("Hyphenator: capitals hyphenate like lowercase, offsets stay exact") {
  CHECK(Marked(Language::kDe, "GESCHÄFTSFÜHRERIN") == "GE=SCHÄFTS=FÜH=RE=RIN");
  // U+1E9E (3 bytes) lowercases to ß (2 bytes): offsets must follow the input.
  CHECK(Marked(Language::kDe, "STRAẞENBAHN") == "STRA=ẞEN=BAHN");
  CHECK(Marked(Language::kPl, "ZOBOWIĄZANIA") == "ZO=BO=WIĄ=ZA=NIA");
  CHECK(Marked(Language::kPl, "Współpracy") == "Współ=pra=cy");
  // U+0130 lowercases to two code points in full case mapping.
  CHECK(Marked(Language::kEn, "İnternational") == "İn=ter=na=tional");
}

TEST_CASE("Hyphenator: combining marks stay with their letter") {
  // "ã" and "ą" decomposed: base letter + U+0303 / U+0328.
  CHECK(Marked(Language::kPt, "rescisa\u0303o") == "res=ci=sa\u0303o");
  CHECK(Marked(Language::kPl, "zobowia\u0328zania") == "zo=bo=wia\u0328=za=nia");
  // A mark with no letter before it, or one that composes with nothing.
  CHECK(Debian().Points(Language::kPt, "\u0303rescisao").empty());
  CHECK(Debian().Points(Language::kEn, "terminat\u20DDion").empty());
}

TEST_CASE("Hyphenator: minimum fragments per language") {
  CHECK(MinimumFragments(Language::kEn) == FragmentMinimum{2, 3});
  CHECK(MinimumFragments(Language::kDe) == FragmentMinimum{2, 2});
  CHECK(MinimumFragments(Language::kPt) == FragmentMinimum{2, 3});
  CHECK(MinimumFragments(Language::kPl) == FragmentMinimum{2, 2});

  SUBCASE("two letters may end a German or Polish word, not an English or Portuguese one") {
    CHECK(Marked(Language::kDe, "Straße") == "Stra=ße");
    CHECK(Marked(Language::kPl, "umowy") == "umo=wy");
    CHECK(Marked(Language::kPt, "contratual") == "con=tra=tual");  // not "tu=al"
    CHECK(Marked(Language::kEn, "notice") == "no=tice");
  }
  SUBCASE("no single letter before a break") {
    CHECK(Marked(Language::kDe, "Abend") == "Abend");
    CHECK(Marked(Language::kPt, "atenciosamente") == "aten=ci=o=sa=mente");  // not "a=ten"
  }
  SUBCASE("every point of the table keeps the minimum on both sides") {
    for (const Case& c : DictionaryCases()) {
      CAPTURE(c.word);
      const FragmentMinimum minimum = MinimumFragments(c.language);
      for (const HyphenPoint& point : Debian().Points(c.language, c.word)) {
        const std::string_view word = c.word;
        CHECK(LettersIn(word.substr(0, point.offset)) >= minimum.left);
        CHECK(LettersIn(word.substr(point.offset)) >= minimum.right);
      }
    }
  }
}

TEST_CASE("Hyphenator: words that are not hyphenated") {
  const Hyphenator& h = Debian();
  const std::vector<std::string> words = {
      "",
      "Ende",
      "cost",
      "2024",
      "termination2",
      "Q3-Bericht",
      "info@example.com",
      "and/or",
      "snake_case",
      "www.example",
      "Kündigungs frist",
      "termi\u00ADnation",
      "\xFFtermination",
      "termination!",
      "Wal\xC3",
  };
  for (const std::string& word : words) {
    CAPTURE(word);
    for (Language language : {Language::kEn, Language::kDe, Language::kPt, Language::kPl})
      CHECK(h.Points(language, word).empty());
  }
}

TEST_CASE("Hyphenator: a letter outside the dictionary's charset gives no points") {
  // ł is not in ISO-8859-1 (German); ß is in ISO-8859-2 (Polish).
  CHECK(Debian().Points(Language::kDe, "Wałbrzychstraße").empty());
  CHECK(Marked(Language::kPl, "Wałbrzychstraße") == "Wał=brzych=stra=ße");
  // ñ is not in ISO-8859-2; the Portuguese dictionary is UTF-8.
  CHECK(Debian().Points(Language::kPl, "señorita").empty());
  CHECK_FALSE(Debian().Points(Language::kPt, "señorita").empty());
}

TEST_CASE("Hyphenator: words with hyphens") {
  const Hyphenator& h = Debian();
  SUBCASE("a break right after the hyphen draws no extra hyphen") {
    CHECK(Marked(Language::kDe, "Website-Relaunch") == "Web=si=te-|Re=launch");
    CHECK(h.Points(Language::kDe, "Website-Relaunch") ==
          std::vector<HyphenPoint>{{3, false}, {5, false}, {8, true}, {10, false}});
    CHECK(Marked(Language::kEn, "self-employed") == "self-|em=ployed");
    CHECK(Marked(Language::kDe, "Website\u2010Relaunch") == "Web=si=te\u2010|Re=launch");
  }
  SUBCASE("fragments around the hyphen keep the minimum") {
    CHECK(Marked(Language::kDe, "E-Mail") == "E-Mail");
    CHECK(Marked(Language::kDe, "E-Mail-Adresse") == "E-Mail-|Adres=se");
  }
  SUBCASE("a non-breaking hyphen offers no break") {
    CHECK(Marked(Language::kDe, "Website\u2011Relaunch") == "Web=si=te\u2011Re=launch");
  }
  SUBCASE("no break after a hyphen without a letter on both sides") {
    CHECK(Marked(Language::kDe, "Website--Relaunch") == "Web=si=te--Re=launch");
    CHECK(Marked(Language::kDe, "Website-") == "Web=si=te-");
    CHECK(Marked(Language::kDe, "-Relaunch") == "-Re=launch");
  }
}

TEST_CASE("Hyphenator: apostrophes") {
  CHECK(Marked(Language::kEn, "organization's") == "or=ga=ni=za=tion's");
  CHECK(Marked(Language::kEn, "company\u2019s") == "com=pany\u2019s");
  CHECK(Marked(Language::kPt, "gota-d'água") == "gota-|d'água");
}

TEST_CASE("Hyphenator: Thai has no dictionary") {
  CHECK_FALSE(Debian().Supports(Language::kTh));
  CHECK(Debian().Supports(Language::kDe));
  CHECK(Debian().Points(Language::kTh, "ภาษาไทย").empty());
  CHECK(Debian().Points(Language::kTh, "termination").empty());
}

TEST_CASE("Hyphenator: Points is safe to call from many threads") {
  // Both statics exist before the threads start: only Points() runs concurrently.
  const Hyphenator& h = Debian();
  const std::vector<Case>& cases = DictionaryCases();
  constexpr int kRounds = 100;
  std::vector<std::vector<std::string>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&h, &cases, &result] {
      for (int round = 0; round < kRounds; ++round)
        for (const Case& c : cases) result.push_back(Marked(c.word, h.Points(c.language, c.word)));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& result : results) {
    REQUIRE(result.size() == kRounds * cases.size());
    for (size_t i = 0; i < result.size(); ++i) CHECK(result[i] == cases[i % cases.size()].marked);
  }
}

// A folder with Debian's en, pt and pl dictionaries and a German one written
// by the test, for what Debian's files do not exercise.
std::filesystem::path DirWithGermanDictionary(const std::string& german) {
  const std::filesystem::path dir = testing::TempDir("hyphen");
  for (const char* file : {"hyph_en_US.dic", "hyph_pt_BR.dic", "hyph_pl_PL.dic"})
    std::filesystem::copy_file(kDebianDir / file, dir / file);
  testing::WriteFile(dir / "hyph_de_DE.dic", german);
  return dir;
}

TEST_CASE("Hyphenator: non-standard points are dropped") {
  // Old spelling "Schiffahrt" -> "Schiff=fahrt" adds an f: not a plain break.
  auto h = Hyphenator::Load(DirWithGermanDictionary("ISO8859-1\ni1f\nf1f/ff=f,1,2\n"));
  REQUIRE_MESSAGE(h.ok(), h.status().ToString());
  CHECK(Marked("Schiffahrt", (*h)->Points(Language::kDe, "Schiffahrt")) == "Schi=ffahrt");
}

TEST_CASE("Hyphenator: no break next to an apostrophe, whatever the patterns say") {
  // Without NEXTLEVEL libhyphen adds its own NOHYPHEN for apostrophes; with
  // it, these patterns break on both sides of one.
  auto h = Hyphenator::Load(DirWithGermanDictionary("ISO8859-1\nNEXTLEVEL\n1'1\nl1m\n"));
  REQUIRE_MESSAGE(h.ok(), h.status().ToString());
  CHECK(Marked("Kalmar'sche", (*h)->Points(Language::kDe, "Kalmar'sche")) == "Kal=mar'sche");
}

TEST_CASE("Hyphenator: Load reports what is missing or unreadable") {
  SUBCASE("missing folder names the first file and its package") {
    auto h = Hyphenator::Load(testing::TempDir("hyphen") / "absent");
    REQUIRE_FALSE(h.ok());
    CHECK(h.status().code() == StatusCode::kNotFound);
    CHECK(h.status().message().find("hyph_en_US.dic") != std::string::npos);
    CHECK(h.status().message().find("hyphen-en-us") != std::string::npos);
  }
  SUBCASE("one missing dictionary") {
    const std::filesystem::path dir = DirWithGermanDictionary("ISO8859-1\n");
    std::filesystem::remove(dir / "hyph_pl_PL.dic");
    auto h = Hyphenator::Load(dir);
    REQUIRE_FALSE(h.ok());
    CHECK(h.status().code() == StatusCode::kNotFound);
    CHECK(h.status().message().find("hyph_pl_PL.dic") != std::string::npos);
    CHECK(h.status().message().find("hyphen-pl") != std::string::npos);
  }
  SUBCASE("a charset ICU does not know, or not a single-byte one") {
    for (const char* charset : {"NOT-A-CHARSET", "Shift_JIS"}) {
      CAPTURE(charset);
      auto h = Hyphenator::Load(DirWithGermanDictionary(std::string(charset) + "\na1b\n"));
      REQUIRE_FALSE(h.ok());
      CHECK(h.status().code() == StatusCode::kInternal);
      CHECK(h.status().message().find(charset) != std::string::npos);
      CHECK(h.status().message().find("hyph_de_DE.dic") != std::string::npos);
    }
  }
}

}  // namespace parting::layout
