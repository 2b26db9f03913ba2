// What must stay on one line is bound by no-break spaces in compose (issue
// 8.9): dates, "nº 123" / "nr 123", and the parts of the return line.
#include <doctest/doctest.h>

#include "letters.h"
#include "locale/locale.h"

namespace parting::compose {
namespace {

using testing::BodyText;
using testing::Compose;
using testing::D;
using testing::FullPlan;
using testing::FullRequest;

const std::string kNbsp = "\u00a0";

bool HasRaw(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// `text` as layout sees it: a date with its spaces bound.
std::string Bound(std::string text) {
  for (size_t at = text.find(' '); at != std::string::npos; at = text.find(' ', at))
    text.replace(at, 1, kNbsp);
  return text;
}

TEST_CASE("every date of the letter is one unbreakable word") {
  for (Language language : testing::TemplateLanguages()) {
    CAPTURE(LanguageCode(language));
    Document doc = Compose(FullRequest(language), FullPlan());
    const std::string body = BodyText(doc);
    for (const char* iso : {"2027-02-28", "2026-12-15", "2027-01-15"}) {
      CAPTURE(iso);
      const std::string date = locale::FormatDate(language, D(iso));
      CHECK(HasRaw(body, Bound(date)));
      CHECK_FALSE(HasRaw(body, date));  // never with a breakable space
    }
    CHECK(HasRaw(doc.date_line, Bound(locale::FormatDate(language, D("2026-11-22")))));
    CHECK(HasRaw(doc.header_date, Bound(locale::FormatDate(language, D("2026-11-22")))));
  }
}

TEST_CASE("a number sign stays with its number, a place in the return line stays whole") {
  LetterRequest request = FullRequest(Language::kPt);
  request.sender.address = {"Rua da Bahia, 1148", "30160-011 Belo Horizonte – MG"};
  Document doc = Compose(request, FullPlan());
  CHECK(HasRaw(doc.subject, "nº" + kNbsp + "RV-2023-017"));
  CHECK(HasRaw(doc.return_address, Bound("30160-011 Belo Horizonte – MG")));
  CHECK(HasRaw(doc.return_address, " · "));  // the parts themselves may part

  request.language = Language::kPl;
  doc = Compose(request, FullPlan());
  CHECK(HasRaw(doc.subject, "nr" + kNbsp + "RV-2023-017"));
  // "ze" never ends a subject line alone: "ze skutkiem" stays together.
  {
    LetterRequest immediate = request;
    immediate.termination.for_cause = true;
    immediate.contract.immediate_for_cause = true;
    Plan plan = FullPlan();
    plan.route = Route::kForCause;
    CHECK(HasRaw(Compose(immediate, plan).subject, "ze" + kNbsp + "skutkiem"));
  }
  // A part too long for a line of its own may still break.
  request.sender.address = {std::string(60, 'x') + " " + std::string(10, 'y')};
  CHECK(HasRaw(Compose(request, FullPlan()).return_address, std::string(60, 'x') + " y"));
}

}  // namespace
}  // namespace parting::compose
