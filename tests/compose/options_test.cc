// options.fallback_clause and options.confirm_receipt in every language: the
// alternative end on the next possible date, and the request to confirm
// receipt, each there by default and gone when switched off.
#include <doctest/doctest.h>

#include "letters.h"
#include "locale/locale.h"

namespace parting::compose {
namespace {

using testing::BodyText;
using testing::Compose;
using testing::FullPlan;
using testing::FullRequest;
using testing::Has;

struct Wording {
  Language language;
  const char* fallback;  ///< a phrase only the fallback clause gives
  const char* confirm;   ///< a phrase only the request to confirm receipt gives
};

const Wording kWordings[] = {
    {Language::kEn, "on the earliest date thereafter that the agreement permits",
     "Please confirm receipt of this letter"},
    {Language::kDe, "hilfsweise zum nächstmöglichen Zeitpunkt",
     "Bitte bestätigen Sie uns den Erhalt dieses Schreibens"},
    {Language::kPt, "na primeira data subsequente admitida pelo contrato",
     "confirmar, por escrito, o recebimento desta carta"},
    {Language::kPl,
     "a w razie niedochowania tego terminu – z upływem najbliższego możliwego terminu",
     "potwierdzenie otrzymania niniejszego pisma"},
    {Language::kTh, "ให้มีผลในวันที่เร็วที่สุดถัดไปที่สัญญาเปิดให้บอกเลิกได้", "โปรดยืนยันการได้รับหนังสือฉบับนี้"},
};

TEST_CASE("the fallback clause and the request to confirm receipt follow the options") {
  for (const Wording& w : kWordings) {
    CAPTURE(LanguageCode(w.language));
    LetterRequest request = FullRequest(w.language);
    std::string body = BodyText(Compose(request, FullPlan()));
    CHECK(Has(body, w.fallback));
    CHECK(Has(body, w.confirm));

    request.options.fallback_clause = false;
    body = BodyText(Compose(request, FullPlan()));
    CHECK_FALSE(Has(body, w.fallback));
    CHECK(Has(body, w.confirm));

    request.options.confirm_receipt = false;
    body = BodyText(Compose(request, FullPlan()));
    CHECK_FALSE(Has(body, w.confirm));
  }
}

TEST_CASE("an immediate end for cause takes effect on receipt, with a fallback to notice") {
  struct Case {
    Language language;
    const char* on_receipt;
    const char* fallback;
  };
  const Case cases[] = {
      {Language::kEn, "with immediate effect upon your receipt of this letter",
       "serves as notice of termination as of the earliest date the agreement permits"},
      {Language::kDe, "Die Kündigung wird mit Zugang dieses Schreibens wirksam.",
       "Hilfsweise kündigen wir ordentlich zum nächstmöglichen Zeitpunkt."},
      {Language::kPt, "com efeito imediato a partir do recebimento desta carta",
       "Subsidiariamente, caso a rescisão por justa causa não prevaleça"},
      {Language::kPl, "z chwilą doręczenia niniejszego pisma",
       "ze skutkiem na najbliższy możliwy termin"},
      {Language::kTh, "โดยให้มีผลทันทีนับแต่วันที่ท่านได้รับหนังสือฉบับนี้", "ให้ถือว่าหนังสือฉบับนี้เป็นการบอกเลิกสัญญา"},
  };
  for (const Case& c : cases) {
    CAPTURE(LanguageCode(c.language));
    LetterRequest request = FullRequest(c.language);
    request.termination.for_cause = true;
    request.contract.immediate_for_cause = true;
    Plan plan = FullPlan();
    plan.route = Route::kForCause;
    plan.effective_end_date = plan.letter_date;
    std::string contract = testing::SectionText(Compose(request, plan), Section::kContract);
    CHECK(Has(contract, c.on_receipt));
    CHECK(Has(contract, c.fallback));
    // The letter date is never given as the day the contract ends.
    CHECK_FALSE(Has(contract, locale::FormatDate(c.language, plan.letter_date)));
    request.options.fallback_clause = false;
    contract = testing::SectionText(Compose(request, plan), Section::kContract);
    CHECK(Has(contract, c.on_receipt));
    CHECK_FALSE(Has(contract, c.fallback));
  }
}

}  // namespace
}  // namespace parting::compose
