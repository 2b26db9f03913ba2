// The review page of a draft speaks the letter's language: the receipt
// deadline first, derivations and warnings in words (no codes, no JSON
// pointers), the letter parts by their names.
#include "compose/review.h"

#include <doctest/doctest.h>

#include <string>

#include "compose/context.h"
#include "letters.h"

namespace parting::compose {
namespace {

using testing::D;

struct Expected {
  Language language;
  const char* receive_by_label;
  const char* receive_by;
  const char* derivation;  ///< a part of the derivation, in words
  const char* warning;     ///< the project due after the end, as a sentence
  const char* parts;       ///< a part of the letter parts' names
};

// clang-format off
const Expected kExpected[] = {
    {Language::kEn, "Receive by (latest day of receipt)", "November 30, 2026 (2026-11-30)",
     "The notice period of 3 months, counted from November 22, 2026, ends on February 22, 2027; "
     "moved to the end of that month: February 28, 2027",
     "Project “Shop” is due on March 1, 2027, after the end date of February 28, 2027.",
     "Thanks, Decision and reasons, Contract basis, Current projects"},
    {Language::kDe, "Zugang spätestens am", "30. November 2026 (2026-11-30)",
     "Kündigungsfrist drei Monate ab 22. November 2026: Fristablauf am 22. Februar 2027, zum "
     "Monatsende: 28. Februar 2027",
     "Das Projekt „Shop“ ist am 1. März 2027 fällig, also nach dem Vertragsende am 28. Februar "
     "2027.",
     "Dank, Entscheidung und Gründe, Vertragsgrundlage, Laufende Projekte"},
    {Language::kPt, "Recebimento até (último dia)", "30 de novembro de 2026 (2026-11-30)",
     "Aviso prévio de 3 meses a partir de 22 de novembro de 2026",
     "O projeto “Shop” vence em 1º de março de 2027, depois do término em 28 de fevereiro de "
     "2027.",
     "Agradecimento, Decisão e motivos, Base contratual, Projetos em andamento"},
    {Language::kPl, "Doręczenie najpóźniej", "30 listopada 2026\u00a0r. (2026-11-30)",
     "Okres wypowiedzenia (3 miesiące) liczony od 22 listopada 2026\u00a0r.",
     "Termin projektu „Shop” przypada na 1 marca 2027\u00a0r., po dniu rozwiązania umowy (28 lutego "
     "2027\u00a0r.).",
     "Podziękowanie, Decyzja i jej przyczyny, Podstawa umowna, Bieżące projekty"},
    {Language::kTh, "ต้องได้รับหนังสือภายในวันที่", "30 พฤศจิกายน 2569 (2026-11-30)",
     "ระยะเวลาบอกกล่าวล่วงหน้า 3 เดือน นับจากวันที่ 22 พฤศจิกายน 2569",
     "โครงการ “Shop” มีกำหนดส่งวันที่ 1 มีนาคม 2570 ซึ่งหลังวันที่สัญญาสิ้นสุด (28 กุมภาพันธ์ 2570)",
     "คำขอบคุณ"},
};
// clang-format on

TEST_CASE("the review page is in the letter's language, receive_by first") {
  for (const Expected& e : kExpected) {
    CAPTURE(LanguageCode(e.language));
    LetterRequest request = testing::FullRequest(e.language);
    request.options.draft = true;
    request.projects = {{"Shop", "Go-live", D("2027-03-01")}};
    const Result<Plan> plan = MakePlan(request);
    REQUIRE(plan.ok());
    const Document doc = testing::Compose(request, *plan);
    const Review& review = doc.review;
    REQUIRE(review.facts.size() > 8);
    CHECK(review.facts[0].label == e.receive_by_label);
    CHECK(review.facts[0].value == e.receive_by);
    CHECK(review.facts[1].value.substr(1) == plan->receive_by_text.substr(1));
    CHECK_FALSE((review.facts[1].value[0] >= 'a' && review.facts[1].value[0] <= 'z'));

    std::string all;
    for (const ReviewItem& fact : review.facts) all += fact.label + ": " + fact.value + "\n";
    for (const std::string& warning : review.warnings) all += warning + "\n";
    CAPTURE(all);
    CHECK(all.find(e.derivation) != std::string::npos);
    CHECK(all.find(e.parts) != std::string::npos);
    REQUIRE(review.warnings.size() == 1);
    CHECK(review.warnings[0] == e.warning);
    REQUIRE(review.notes.size() == 1);
    CHECK(review.notes[0].section == Section::kProjects);
    CHECK(review.notes[0].text == e.warning);
    // No codes, no pointers, no English section ids.
    CHECK(all.find("project_after_end") == std::string::npos);
    CHECK(all.find("/projects/0/due") == std::string::npos);
    CHECK(all.find("ordinary_notice") == std::string::npos);
    if (e.language != Language::kEn) CHECK(all.find("thanks, decision") == std::string::npos);
  }
}

TEST_CASE("the review page says where the receipt date comes from") {
  LetterRequest request = testing::FullRequest(Language::kDe);
  request.options.draft = true;
  Result<Plan> plan = MakePlan(request);
  REQUIRE(plan.ok());
  Document doc = testing::Compose(request, *plan);
  CHECK(doc.review.facts[2].value ==
        "22. November 2026 (2026-11-22) – Datum des Schreibens, da kein Zugangsdatum angegeben "
        "ist");
  request.termination.receipt_date = D("2026-11-25");
  plan = MakePlan(request);
  REQUIRE(plan.ok());
  doc = testing::Compose(request, *plan);
  CHECK(doc.review.facts[2].value == "25. November 2026 (2026-11-25)");
}

TEST_CASE("a receipt-date warning is pinned to the contract paragraph") {
  CHECK(SectionForPointer("/termination/receipt_date") == Section::kContract);
  CHECK(SectionForPointer("/termination/documented_situations/0/date") == Section::kDecision);
}

TEST_CASE("every letter part has a name in every language") {
  for (Language language : AllLanguages())
    for (int s = 0; s <= static_cast<int>(Section::kClosing); ++s)
      CHECK_FALSE(SectionTitle(language, static_cast<Section>(s)).empty());
}

TEST_CASE("situations_repeated reaches the templates through the plan") {
  const LetterRequest request = testing::FullRequest(Language::kEn);
  Plan plan = testing::FullPlan();
  for (bool repeated : {false, true}) {
    plan.situations_repeated = repeated;
    MustacheData context = BuildContext(request, plan);
    const MustacheData* flag = context.get("situations_repeated");
    REQUIRE(flag != nullptr);
    CHECK(flag->is_true() == repeated);
  }
}

}  // namespace
}  // namespace parting::compose
