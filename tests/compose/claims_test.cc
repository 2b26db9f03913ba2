// What a letter may claim (issue 8.6): "repeatedly" and "in recent months"
// only when documented situations back them; no "this is no judgement of
// you" after citing the client's own conduct; no past date promised and no
// future date told as past; a term that is already over is never said to
// "expire" on the end date.
#include <doctest/doctest.h>

#include "compose/context.h"
#include "letters.h"
#include "locale/locale.h"
#include "rules/steps.h"

namespace parting::compose {
namespace {

using testing::BodyText;
using testing::Compose;
using testing::D;
using testing::FullPlan;
using testing::FullRequest;
using testing::Has;
using testing::SectionText;

TEST_CASE("situations back a claim of repetition when two are at least 28 days apart") {
  struct Case {
    std::vector<const char*> dates;
    bool repeated;
  };
  const Case cases[] = {
      {{}, false},
      {{"2026-09-30"}, false},
      {{"2026-09-30", "2026-10-20"}, false},               // 20 days: one episode, not a pattern
      {{"2026-09-30", "2026-10-28"}, true},                // exactly 28 days
      {{"2026-10-28", "2026-10-01", "2026-09-30"}, true},  // order does not matter
      {{"2026-09-30", "2026-09-30", "2026-10-01"}, false},
  };
  for (const Case& c : cases) {
    LetterRequest request = FullRequest(Language::kEn);
    request.letter_date = D("2026-11-22");
    request.termination.documented_situations.clear();
    for (const char* date : c.dates)
      request.termination.documented_situations.push_back({D(date), "x"});
    CHECK(rules::SituationsRepeated(request) == c.repeated);
  }
  // A situation dated after the letter is not cited, so it backs nothing.
  LetterRequest later = FullRequest(Language::kEn);
  later.letter_date = D("2026-11-22");
  later.termination.documented_situations = {{D("2026-10-01"), "x"}, {D("2026-12-01"), "y"}};
  CHECK_FALSE(rules::SituationsRepeated(later));
}

struct Claim {
  Language language;
  const char* reason;
  const char* repeated;  ///< words only a backed letter may say
  const char* plain;     ///< the same point without the claim
};

const Claim kClaims[] = {
    {Language::kEn, "abusive_to_staff", "In recent months", "Members of our team have been"},
    {Language::kEn, "payment_problems", "of recent months", "The way payments under our"},
    {Language::kEn, "constant_complaints", "Time and again", "Our work has not matched"},
    {Language::kDe, "abusive_to_staff", "wiederholt", "Mitglieder unseres Teams sind"},
    {Language::kDe, "payment_problems", "der letzten Monate",
     "Die Zahlungsweise unter unserem Vertrag"},
    {Language::kDe, "constant_complaints", "immer wieder", "Wir haben festgestellt"},
    {Language::kPt, "abusive_to_staff", "Nos últimos meses", "Integrantes da nossa equipe foram"},
    {Language::kPt, "payment_problems", "nos últimos meses", "A forma como os pagamentos"},
    {Language::kPl, "abusive_to_staff", "wielokrotnie", "Członkowie naszego zespołu spotkali"},
    {Language::kPl, "payment_problems", "w ostatnich miesiącach", "Terminy, w jakich regulowane"},
    {Language::kPl, "constant_complaints", "Wielokrotnie", "Okazało się"},
    {Language::kTh, "abusive_to_staff", "ในช่วงหลายเดือนที่ผ่านมา", "ไม่อาจยอมรับได้ การให้เกียรติ"},
    {Language::kTh, "payment_problems", "ในช่วงหลายเดือนที่ผ่านมา", "รอบการชำระเงินตามสัญญา"},
};

TEST_CASE("a reason says 'repeatedly' or 'in recent months' only when situations back it") {
  for (const Claim& c : kClaims) {
    CAPTURE(LanguageCode(c.language));
    CAPTURE(c.reason);
    LetterRequest request = FullRequest(c.language);
    request.termination.reasons = {c.reason};
    // One documented situation: no pattern.
    // The plan says whether situations back the claim (rules/situations.cc).
    auto plan_for = [](const LetterRequest& r) {
      Plan plan = FullPlan();
      plan.situations_repeated = rules::SituationsRepeated(r);
      return plan;
    };
    std::string decision = SectionText(Compose(request, plan_for(request)), Section::kDecision);
    CHECK_FALSE(Has(decision, c.repeated));
    CHECK(Has(decision, c.plain));
    // Two, five weeks apart: the claim is backed.
    request.termination.documented_situations.push_back(
        {D("2026-11-05"), "Invoice RE-2026-0990 paid 45 days late"});
    decision = SectionText(Compose(request, plan_for(request)), Section::kDecision);
    CHECK(Has(decision, c.repeated));
    CHECK_FALSE(Has(decision, c.plain));
  }
}

TEST_CASE("no 'this is no judgement of you' right after the client's own conduct") {
  struct Case {
    Language language;
    const char* no_judgement;
  };
  const Case cases[] = {{Language::kEn, "no reflection on you"},
                        {Language::kDe, "richtet sich nicht gegen Sie"},
                        {Language::kPt, "não significa qualquer crítica"},
                        {Language::kPl, "nie jest wyrazem krytyki"},
                        {Language::kTh, "มิได้เป็นการตำหนิท่าน"}};
  for (const Case& c : cases) {
    CAPTURE(LanguageCode(c.language));
    LetterRequest request = FullRequest(c.language);
    for (const char* reason : {"payment_problems", "unreasonable_demands", "lack_of_respect"}) {
      CAPTURE(reason);
      request.termination.reasons = {"time_drain", reason};
      CHECK_FALSE(
          Has(SectionText(Compose(request, FullPlan()), Section::kDecision), c.no_judgement));
    }
    request.termination.reasons = {"time_drain", "strategic_change"};
    CHECK(Has(SectionText(Compose(request, FullPlan()), Section::kDecision), c.no_judgement));
  }
}

TEST_CASE("dates the letter would state falsely are left out") {
  for (Language language : testing::TemplateLanguages()) {
    CAPTURE(LanguageCode(language));
    LetterRequest request = FullRequest(language);
    auto date = [&](const char* iso) { return locale::FormatDate(language, D(iso)); };
    request.contract.signed_on = D("2026-12-01");      // after the letter: not "since"
    request.transition.handover_by = D("2026-11-01");  // past: not promised
    request.projects[0].due = D("2026-10-15");         // past: not promised
    request.termination.documented_situations = {{D("2026-12-10"), "Future event text"},
                                                 {D("2026-09-30"), "Invoice paid late"}};
    const std::string body = BodyText(Compose(request, FullPlan()));
    for (const char* iso : {"2026-12-01", "2026-11-01", "2026-10-15", "2026-12-10"}) {
      CAPTURE(iso);
      CHECK_FALSE(Has(body, date(iso)));
    }
    CHECK_FALSE(Has(body, "Future event text"));
    CHECK(Has(body, "Invoice paid late"));
  }
}

TEST_CASE("a term already over is confirmed as ended, never said to expire on the end date") {
  struct Case {
    Language language;
    const char* ended;
    const char* never;
  };
  const Case cases[] = {
      {Language::kEn, "reached the end of its fixed term on June 30, 2026", "current term expires"},
      {Language::kDe, "ist mit Ablauf der festen Laufzeit am 30. Juni 2026 beendet",
       "endet mit Ablauf der vereinbarten Laufzeit am"},
      {Language::kPt, "encerrou-se ao término de sua vigência, em 30 de junho de 2026",
       "se encerra ao término de sua vigência atual"},
      {Language::kPl,
       "wygasła z upływem okresu, na jaki została zawarta, to jest z dniem 30 czerwca 2026",
       "wygasa z upływem"},
      {Language::kTh, "ได้ครบกำหนดระยะเวลาตามสัญญาไปแล้วเมื่อวันที่ 30 มิถุนายน 2569",
       "จะครบกำหนดระยะเวลาตามสัญญาในวันที่"},
  };
  for (const Case& c : cases) {
    CAPTURE(LanguageCode(c.language));
    LetterRequest request = FullRequest(c.language);
    request.contract.term_end = D("2026-06-30");
    Plan plan = FullPlan();
    plan.route = Route::kEndOfTerm;
    plan.effective_end_date = plan.letter_date;  // what the rules give for an expired term
    plan.confirms_non_renewal = true;
    const std::string contract = SectionText(Compose(request, plan), Section::kContract);
    CHECK(Has(contract, c.ended));
    CHECK_FALSE(Has(contract, c.never));
    CHECK_FALSE(Has(contract, locale::FormatDate(c.language, plan.letter_date)));
  }
}

}  // namespace
}  // namespace parting::compose
