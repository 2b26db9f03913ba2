// The sample requests shipped with the templates parse into every field.
#include <doctest/doctest.h>

#include "request_fixture.h"
#include "test_support.h"

namespace parting::testing {
namespace {

LetterRequest ParseSample(const char* language) {
  const std::string text =
      ReadFile(SourceDir() / "letter_templates" / language / "samples" / "full.json");
  Result<LetterRequest> result = ParseLetterRequest(text, Date{2030, 1, 1});
  INFO(result.status().ToString());
  REQUIRE(result.ok());
  return std::move(result).value();
}

TEST_CASE("the German sample fills every field") {
  const LetterRequest r = ParseSample("de");
  CHECK(r.language == Language::kDe);
  CHECK(r.letter_date == Date{2026, 11, 22});

  CHECK(r.sender.organization == "Nordlicht Consulting GmbH");
  CHECK(r.sender.name == "Jana Petersen");
  CHECK(r.sender.role == "Geschäftsführerin");
  CHECK(r.sender.address == std::vector<std::string>{"Am Sandtorkai 12", "20457 Hamburg"});
  CHECK(r.sender.country == "DE");
  CHECK(r.sender.email == "jana.petersen@nordlicht.example");
  CHECK(r.sender.phone == "+49 40 1234567");

  CHECK(r.recipient.organization == "Müller & Söhne AG");
  CHECK(r.recipient.name == "Thomas Müller");
  CHECK(r.recipient.form_of_address == FormOfAddress::kMr);
  CHECK(r.recipient.address == std::vector<std::string>{"Leopoldstraße 5", "80802 München"});
  CHECK(r.recipient.country == "DE");
  CHECK(r.recipient.email.empty());

  CHECK(r.contract.title == "Rahmenvertrag über Beratungsleistungen");
  CHECK(r.contract.reference == "RV-2023-017");
  CHECK(r.contract.signed_on == Date{2023, 1, 15});
  CHECK(r.contract.termination_clause == "§ 8.2");
  REQUIRE(r.contract.notice_period);
  CHECK(r.contract.notice_period->amount == 3);
  CHECK(r.contract.notice_period->unit == TimeUnit::kMonths);
  CHECK(r.contract.notice_anchor == NoticeAnchor::kEndOfMonth);
  CHECK_FALSE(r.contract.term_end);
  CHECK_FALSE(r.contract.auto_renewal);
  CHECK(r.contract.early_termination_allowed);
  CHECK_FALSE(r.contract.immediate_for_cause);
  CHECK(r.contract.currency == "EUR");

  CHECK(r.termination.reasons == std::vector<std::string>{"time_drain", "payment_problems"});
  REQUIRE(r.termination.documented_situations.size() == 1);
  CHECK(r.termination.documented_situations[0].date == Date{2026, 9, 30});
  CHECK(r.termination.documented_situations[0].text ==
        "Rechnung RE-2026-0871 wurde 61 Tage nach Fälligkeit beglichen");
  CHECK_FALSE(r.termination.requested_end_date);
  CHECK_FALSE(r.termination.for_cause);

  REQUIRE(r.projects.size() == 1);
  CHECK(r.projects[0].name == "Website-Relaunch");
  CHECK(r.projects[0].deliverable == "Go-live");
  CHECK(r.projects[0].due == Date{2026, 12, 15});

  CHECK(r.transition.handover ==
        std::vector<std::string>{"Quelldateien und Designs", "Zugangsdaten"});
  CHECK(r.transition.handover_by == Date{2027, 1, 15});
  REQUIRE(r.transition.contact);
  CHECK(r.transition.contact->name == "Lena Vogt");
  CHECK(r.transition.contact->email == "lena.vogt@nordlicht.example");
  CHECK(r.transition.contact->phone.empty());
  REQUIRE(r.transition.alternatives.size() == 1);
  CHECK(r.transition.alternatives[0].name == "Hafenblick Digital");
  CHECK(r.transition.alternatives[0].note == "auf E-Commerce spezialisiert");

  CHECK(r.goodwill.kind == GoodwillKind::kRefundLastMonth);
  REQUIRE(r.goodwill.amount);
  CHECK(r.goodwill.amount->cents == 125000);
  CHECK(r.goodwill.currency == "EUR");
  CHECK(r.goodwill.invoice == "RE-2026-1102");

  CHECK(r.options.paper == Paper::kA4);
  CHECK_FALSE(r.options.draft);
  CHECK(r.options.apology);
}

TEST_CASE("the English sample fills every field") {
  const LetterRequest r = ParseSample("en");
  CHECK(r.language == Language::kEn);
  CHECK(r.letter_date == Date{2026, 11, 22});

  CHECK(r.sender.organization == "Brightwater Analytics LLC");
  CHECK(r.sender.name == "Daniel Reyes");
  CHECK(r.sender.role == "Managing Partner");
  CHECK(r.sender.address ==
        std::vector<std::string>{"410 Harbor Street, Suite 200", "Portland, OR 97204"});
  CHECK(r.sender.country == "US");
  CHECK(r.sender.email == "daniel.reyes@brightwater.example");
  CHECK(r.sender.phone == "+1 503 555 0142");

  CHECK(r.recipient.organization == "Cedar & Stone Retail Inc.");
  CHECK(r.recipient.name == "Margaret Collins");
  CHECK(r.recipient.form_of_address == FormOfAddress::kMs);
  CHECK(r.recipient.address == std::vector<std::string>{"88 Market Avenue", "Seattle, WA 98101"});
  CHECK(r.recipient.country == "US");

  CHECK(r.contract.title == "Master Services Agreement");
  CHECK(r.contract.reference == "MSA-2022-044");
  CHECK(r.contract.signed_on == Date{2022, 3, 1});
  CHECK(r.contract.termination_clause == "Section 12.1");
  REQUIRE(r.contract.notice_period);
  CHECK(r.contract.notice_period->amount == 30);
  CHECK(r.contract.notice_period->unit == TimeUnit::kDays);
  CHECK(r.contract.notice_anchor == NoticeAnchor::kAnyDay);
  CHECK(r.contract.term_end == Date{2027, 2, 28});
  REQUIRE(r.contract.auto_renewal);
  CHECK(r.contract.auto_renewal->amount == 12);
  CHECK(r.contract.auto_renewal->unit == TimeUnit::kMonths);
  CHECK(r.contract.early_termination_allowed);  // given explicitly despite term_end
  CHECK_FALSE(r.contract.immediate_for_cause);
  CHECK(r.contract.currency == "USD");

  CHECK(r.termination.reasons ==
        std::vector<std::string>{"rejects_recommendations", "strategic_change"});
  REQUIRE(r.termination.documented_situations.size() == 2);
  CHECK(r.termination.documented_situations[0].date == Date{2026, 6, 12});
  CHECK(r.termination.documented_situations[0].text ==
        "Quarterly review: the proposed data migration plan was declined");
  CHECK(r.termination.documented_situations[1].date == Date{2026, 10, 3});
  CHECK(r.termination.documented_situations[1].text ==
        "Roadmap workshop: the reporting redesign was put on hold");
  CHECK_FALSE(r.termination.requested_end_date);
  CHECK_FALSE(r.termination.for_cause);

  REQUIRE(r.projects.size() == 2);
  CHECK(r.projects[0].name == "Q4 sales dashboard");
  CHECK(r.projects[0].deliverable == "Final dashboard and documentation");
  CHECK(r.projects[0].due == Date{2026, 12, 18});
  CHECK(r.projects[1].name == "Inventory forecast model");
  CHECK(r.projects[1].deliverable == "Validated model and hand-off session");
  CHECK(r.projects[1].due == Date{2027, 1, 29});

  CHECK(r.transition.handover == std::vector<std::string>{"Dashboard source files",
                                                          "Data warehouse credentials",
                                                          "Model training notebooks"});
  CHECK(r.transition.handover_by == Date{2027, 1, 29});
  REQUIRE(r.transition.contact);
  CHECK(r.transition.contact->name == "Priya Natarajan");
  CHECK(r.transition.contact->email == "priya.natarajan@brightwater.example");
  CHECK(r.transition.contact->phone == "+1 503 555 0177");
  REQUIRE(r.transition.alternatives.size() == 2);
  CHECK(r.transition.alternatives[0].name == "Northfield Data Partners");
  CHECK(r.transition.alternatives[0].note == "focused on retail analytics");
  CHECK(r.transition.alternatives[1].name == "Lumen Insight Group");
  CHECK(r.transition.alternatives[1].note == "strong in-house data engineering team");

  CHECK(r.goodwill.kind == GoodwillKind::kCancelLastInvoice);
  REQUIRE(r.goodwill.amount);
  CHECK(r.goodwill.amount->cents == 240000);
  CHECK(r.goodwill.currency == "USD");
  CHECK(r.goodwill.invoice == "INV-2026-3318");

  CHECK(r.options.paper == Paper::kLetter);
  CHECK_FALSE(r.options.draft);
  CHECK(r.options.apology);
}

}  // namespace
}  // namespace parting::testing
