// The plan's words: every pattern in every language, the same arguments used,
// every warning worded, and warnings and derivations in the letter's language.
#include "rules/words.h"

#include <doctest/doctest.h>

#include <set>
#include <string>

#include "parting/plan.h"
#include "request_fixture.h"
#include "rules/steps.h"

namespace parting {
namespace {

using testing::BaseRequest;
using testing::D;

std::set<char> Placeholders(std::string_view pattern) {
  std::set<char> used;
  for (size_t i = 0; i + 2 < pattern.size(); ++i)
    if (pattern[i] == '{' && pattern[i + 2] == '}') used.insert(pattern[i + 1]);
  return used;
}

TEST_CASE("every language has every pattern, with the same arguments") {
  const rules::Patterns& english = rules::StablePatterns();
  for (Language language : AllLanguages()) {
    const rules::Patterns& own = rules::PatternsFor(language);
    CAPTURE(LanguageCode(language));
    CHECK(own.size() == english.size());
    for (const auto& [key, pattern] : english) {
      CAPTURE(key);
      auto found = own.find(key);
      REQUIRE(found != own.end());
      CHECK(Placeholders(found->second) == Placeholders(pattern));
      CHECK(found->second.find("[missing") == std::string_view::npos);
    }
  }
}

TEST_CASE("every warning code has its words") {
  for (std::string_view code : rules::WarningCodes())
    CHECK_MESSAGE(rules::StablePatterns().count("w." + std::string(code)) == 1, code);
}

TEST_CASE("Fill replaces numbered places and keeps the rest") {
  CHECK(rules::Fill("{1} before {0}, {{0} stays", {"a", "b"}) == "b before a, {0} stays");
  CHECK(rules::Fill("{2} is not given", {"a"}) == " is not given");
  CHECK(rules::Fill("no places", {}) == "no places");
}

TEST_CASE("derivation and warnings: stable English plus the letter's language") {
  LetterRequest r = BaseRequest();  // 3 months to end of month from 2026-11-22
  r.projects.push_back({"Shop", "Go-live", D("2027-03-01")});
  struct Expected {
    Language language;
    const char* derivation;
    const char* warning;
  };
  const Expected expected[] = {
      {Language::kEn,
       "the notice period of 3 months, counted from November 22, 2026, ends on February 22, 2027; "
       "moved to the end of that month: February 28, 2027",
       "Project “Shop” is due on March 1, 2027, after the end date of February 28, 2027."},
      {Language::kDe,
       "Kündigungsfrist drei Monate ab 22. November 2026: Fristablauf am 22. Februar 2027, zum "
       "Monatsende: 28. Februar 2027",
       "Das Projekt „Shop“ ist am 1. März 2027 fällig, also nach dem Vertragsende am 28. Februar "
       "2027."},
      {Language::kPt,
       "aviso prévio de 3 meses a partir de 22 de novembro de 2026: vence em 22 de fevereiro de "
       "2027; ajustado ao fim do mês: 28 de fevereiro de 2027",
       "O projeto “Shop” vence em 1º de março de 2027, depois do término em 28 de fevereiro de "
       "2027."},
      {Language::kPl,
       "okres wypowiedzenia (3 miesiące) liczony od 22 listopada 2026\u00a0r. upływa 22 lutego 2027\u00a0"
       "r.; na koniec miesiąca: 28 lutego 2027\u00a0r.",
       "Termin projektu „Shop” przypada na 1 marca 2027\u00a0r., po dniu rozwiązania umowy (28 lutego "
       "2027\u00a0r.)."},
      {Language::kTh,
       "ระยะเวลาบอกกล่าวล่วงหน้า 3 เดือน นับจากวันที่ 22 พฤศจิกายน 2569 ครบกำหนดวันที่ 22 "
       "กุมภาพันธ์ 2570 และเลื่อนไปสิ้นเดือน คือวันที่ 28 กุมภาพันธ์ 2570",
       "โครงการ “Shop” มีกำหนดส่งวันที่ 1 มีนาคม 2570 ซึ่งหลังวันที่สัญญาสิ้นสุด (28 กุมภาพันธ์ 2570)"},
  };
  for (const Expected& e : expected) {
    r.language = e.language;
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    CAPTURE(LanguageCode(e.language));
    CHECK(plan->derivation ==
          "notice 3 months from 2026-11-22 = 2027-02-22, to end of month: 2027-02-28");
    CHECK(plan->derivation_text == e.derivation);
    REQUIRE(plan->warnings.size() == 1);
    CHECK(plan->warnings[0].message ==
          "project \"Shop\" is due 2027-03-01, after the end date 2027-02-28");
    CHECK(plan->warnings[0].text == e.warning);
    REQUIRE(plan->options.size() == 1);
    CHECK(plan->options[0].derivation_text == e.derivation);
  }
}

TEST_CASE("situations_repeated: two or more situations at least four weeks apart") {
  LetterRequest r = BaseRequest();
  auto repeated = [&](std::vector<DocumentedSituation> situations) {
    r.termination.documented_situations = std::move(situations);
    const Result<Plan> plan = MakePlan(r);
    REQUIRE(plan.ok());
    return plan->situations_repeated;
  };
  CHECK_FALSE(repeated({}));
  CHECK_FALSE(repeated({{D("2026-09-01"), "late payment"}}));
  CHECK_FALSE(repeated({{D("2026-09-01"), "late payment"}, {D("2026-09-28"), "again"}}));
  CHECK(repeated({{D("2026-09-01"), "late payment"}, {D("2026-09-29"), "again"}}));
  CHECK(repeated({{D("2026-10-30"), "b"}, {D("2026-09-01"), "a"}, {D("2026-09-10"), "c"}}));
  // A situation with no text cites nothing and does not count.
  CHECK_FALSE(repeated({{D("2026-09-01"), "late payment"}, {D("2026-11-01"), "  "}}));
}

}  // namespace
}  // namespace parting
