#include "compose/composer.h"

#include <doctest/doctest.h>

#include "letters.h"
#include "locale/locale.h"

namespace parting::compose {
namespace {

using testing::AllText;
using testing::BodyText;
using testing::Compose;
using testing::D;
using testing::FullPlan;
using testing::FullRequest;

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<Block> BlocksOf(const Document& doc, Section section) {
  std::vector<Block> blocks;
  for (const Block& block : doc.body)
    if (block.section == section) blocks.push_back(block);
  return blocks;
}

// What must never reach a reader, whatever the input left out.
void CheckClean(const Document& doc) {
  std::string text = AllText(doc);
  CAPTURE(text);
  for (const char* bad : {"{{", "}}", "()", "( ", " )", "  ", " ,", " .", " :", ",.", "..", "**",
                          "\xEE\x80"})
    CHECK_MESSAGE(!Has(text, bad), "found '" << bad << "'");
  for (const Block& block : doc.body) {
    CHECK_FALSE(block.spans.empty());
    for (const Span& span : block.spans) CHECK_FALSE(span.text.empty());
  }
}

TEST_CASE("a full letter in each language says what the input gives") {
  for (Language language : {Language::kEn}) {
    CAPTURE(LanguageCode(language));
    LetterRequest request = FullRequest(language);
    Document doc = Compose(request, FullPlan());
    std::string text = AllText(doc);
    CAPTURE(text);
    CHECK(Has(text, "Müller & Söhne AG"));
    CHECK(Has(text, "Thomas Müller"));
    CHECK(Has(text, locale::FormatDate(language, D("2027-02-28"))));
    CHECK(Has(text, "§ 8.2"));
    CHECK(Has(text, "RV-2023-017"));
    CHECK(Has(text, request.contract.title));
    CHECK(Has(text, "Website-Relaunch"));
    CHECK(Has(text, "Newsletter-Vorlagen"));
    CHECK(Has(text, locale::FormatAmount(language, *Amount::FromDecimal("1250.00"), "EUR")));
    CHECK(Has(text, "RE-2026-1102"));
    CHECK(Has(text, "Lena Vogt"));
    CHECK(Has(text, "lena.vogt@nordlicht.example"));
    CHECK(Has(text, "Hafenblick Digital"));
    CHECK(Has(text, "Invoice RE-2026-0871 paid 61 days late"));
    CHECK(Has(text, locale::FormatPeriod(language, Period{3, TimeUnit::kMonths})));
    CheckClean(doc);

    // Every part is there, in the order of domain.md.
    std::vector<Section> order;
    for (const Block& block : doc.body)
      if (order.empty() || order.back() != block.section) order.push_back(block.section);
    CHECK(order == FullPlan().sections);
  }
}

TEST_CASE("the English letter reads as the sender would sign it") {
  Document doc = Compose(FullRequest(Language::kEn), FullPlan());
  CHECK(doc.subject == "Termination of the Master Services Agreement (RV-2023-017)");
  CHECK(doc.salutation == "Dear Mr. Müller,");
  CHECK(doc.closing == "Sincerely,");
  CHECK(doc.date_line == "November 22, 2026");
  CHECK(doc.page_label == "Page {page} of {pages}");
  CHECK(doc.draft_mark == "DRAFT");
  CHECK(doc.bcp47 == "en-US");
  CHECK(doc.title == doc.subject);
  CHECK(doc.author == "Jana Petersen, Nordlicht Consulting GmbH");
  CHECK(doc.recipient_lines ==
        std::vector<std::string>{"Müller & Söhne AG", "Mr. Thomas Müller", "Leopoldstraße 5", "80802 München"});
  CHECK(doc.signature_lines ==
        std::vector<std::string>{"Nordlicht Consulting GmbH", "Jana Petersen", "Geschäftsführerin"});
  CHECK(doc.return_address == "Nordlicht Consulting GmbH · Am Sandtorkai 12 · 20457 Hamburg");
  std::string body = BodyText(doc);
  CHECK(Has(body, "Thank you for the trust"));
  CHECK(Has(body, "We have simply not been able to serve you as you deserve"));
  CHECK(Has(body, "Several considerations have led us to this decision."));
  CHECK(Has(body, "We hereby give notice to terminate the Master Services Agreement of January 15, "
                  "2023 (RV-2023-017) under § 8.2."));
  CHECK(Has(body, "Website-Relaunch: Go-live, by December 15, 2026"));
  CHECK(Has(body, "we sincerely apologize"));
}

TEST_CASE("values are verbatim spans, template text is not") {
  Document doc = Compose(FullRequest(Language::kEn), FullPlan());
  bool date_seen = false;
  for (const Block& block : BlocksOf(doc, Section::kContract))
    for (const Span& span : block.spans) {
      if (span.text == locale::FormatDate(Language::kEn, D("2027-02-28"))) {
        date_seen = true;
        CHECK(span.verbatim);
      }
      if (Has(span.text, "We hereby give notice")) CHECK_FALSE(span.verbatim);
    }
  CHECK(date_seen);
  std::vector<Block> projects = BlocksOf(doc, Section::kProjects);
  REQUIRE(projects.size() == 4);  // lead-in, two items, the promise on quality
  CHECK(projects[1].kind == BlockKind::kListItem);
  CHECK(projects[1].spans[0] == Span{"Website-Relaunch", true, false, true});
}

TEST_CASE("request text can never make markup") {
  for (Language language : {Language::kEn}) {
    LetterRequest request = FullRequest(language);
    request.recipient.organization = "**x**\n\n## y";
    request.projects[0].name = "- _a_ \xEE\x80\x81 #b";
    Document doc = Compose(request, FullPlan());
    std::vector<Block> thanks = BlocksOf(doc, Section::kThanks);
    REQUIRE(thanks.size() == 1);
    CHECK(thanks[0].kind == BlockKind::kParagraph);
    CHECK(Has(PlainText(thanks[0].spans), "**x** ## y"));
    for (const Span& span : thanks[0].spans) CHECK_FALSE(span.bold);
    std::vector<Block> projects = BlocksOf(doc, Section::kProjects);
    REQUIRE(projects.size() == 4);
    CHECK(PlainText(projects[1].spans).starts_with("- _a_ #b"));
    CHECK(doc.recipient_lines[0] == "**x** ## y");
  }
}

TEST_CASE("a part whose input is absent is left out cleanly") {
  for (Language language : {Language::kEn}) {
    CAPTURE(LanguageCode(language));
    LetterRequest request = FullRequest(language);
    Plan plan = FullPlan();
    Section gone = Section::kThanks;
    SUBCASE("projects") {
      request.projects.clear();
      gone = Section::kProjects;
    }
    SUBCASE("transition") {
      request.transition.handover.clear();
      request.transition.handover_by.reset();
      request.transition.contact.reset();
      gone = Section::kTransition;
    }
    SUBCASE("goodwill") {
      request.goodwill = Goodwill{};
      gone = Section::kGoodwill;
    }
    SUBCASE("apology, when the plan leaves it out") {
      std::erase(plan.sections, Section::kApology);
      gone = Section::kApology;
    }
    SUBCASE("alternatives") {
      request.transition.alternatives.clear();
      gone = Section::kAlternatives;
    }
    CAPTURE(SectionName(gone));
    Document doc = Compose(request, plan);
    CHECK(BlocksOf(doc, gone).empty());
    CHECK_FALSE(BlocksOf(doc, Section::kClosing).empty());
    CheckClean(doc);
  }
}

TEST_CASE("optional facts that are absent leave no trace") {
  for (Language language : {Language::kEn}) {
    CAPTURE(LanguageCode(language));
    LetterRequest request = FullRequest(language);
    request.contract = Contract{};
    request.goodwill.amount.reset();
    request.goodwill.invoice.clear();
    request.projects = {{"Website-Relaunch", "", std::nullopt}};
    request.transition.handover_by.reset();
    request.transition.contact = Contact{"", "", "+49 40 555"};
    request.termination.documented_situations.clear();
    request.termination.reasons.clear();
    request.recipient.organization.clear();
    Document doc = Compose(request, FullPlan());
    CheckClean(doc);
    std::string text = AllText(doc);
    CHECK(Has(text, "Website-Relaunch"));
    CHECK(Has(text, "+49 40 555"));
    CHECK_FALSE(Has(text, "§"));
    CHECK(doc.reference_lines.empty());
  }
}

TEST_CASE("every reason renders in every language") {
  auto composer = testing::ShippedComposer();
  for (Language language : {Language::kEn}) {
    LetterRequest request = FullRequest(language);
    request.termination.reasons.clear();
    std::string without = PlainText(BlocksOf(Compose(request, FullPlan()), Section::kDecision)[0].spans);
    for (const std::string& id : ReasonIds()) {
      CAPTURE(LanguageCode(language));
      CAPTURE(id);
      request.termination.reasons = {id};
      Document doc = Compose(request, FullPlan());
      std::string with = PlainText(BlocksOf(doc, Section::kDecision)[0].spans);
      CHECK(with.size() > without.size() + 40);
      CheckClean(doc);
    }
  }
}

TEST_CASE("abuse and unethical conduct are named calmly and firmly") {
  LetterRequest request = FullRequest(Language::kEn);
  request.termination.reasons = {"abusive_to_staff"};
  Plan plan = FullPlan();
  std::erase(plan.sections, Section::kGoodwill);
  std::erase(plan.sections, Section::kApology);
  std::string body = BodyText(Compose(request, plan));
  CHECK(Has(body, "respect"));
  CHECK(Has(body, "it is final"));
  CHECK_FALSE(Has(body, "not a judgment of you"));
  CHECK_FALSE(Has(body, "apolog"));
  CHECK_FALSE(Has(body, "cross paths again"));
}

TEST_CASE("salutations follow the form of address") {
  struct Case {
    FormOfAddress form;
    const char* name;
    const char* en;
  };
  const Case cases[] = {
      {FormOfAddress::kMr, "Thomas Müller", "Dear Mr. Müller,"},
      {FormOfAddress::kMs, "Margaret Collins", "Dear Ms. Collins,"},
      {FormOfAddress::kNeutral, "Margaret Collins", "Dear Margaret Collins,"},
      {FormOfAddress::kMs, "Dr. Anna von Bergen", "Dear Dr. von Bergen,"},
      {FormOfAddress::kNeutral, "", "Dear Sir or Madam,"},
      {FormOfAddress::kMr, "", "Dear Sir or Madam,"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    LetterRequest request = FullRequest(Language::kEn);
    request.recipient.form_of_address = c.form;
    request.recipient.name = c.name;
    CHECK(Compose(request, FullPlan()).salutation == c.en);
  }
}

TEST_CASE("termination for cause with immediate effect") {
  LetterRequest request = FullRequest(Language::kEn);
  request.termination.for_cause = true;
  request.contract.immediate_for_cause = true;
  Plan plan = FullPlan();
  plan.route = Route::kForCause;
  plan.effective_end_date = plan.letter_date;
  Document doc = Compose(request, plan);
  CHECK(doc.subject == "Immediate termination of the Master Services Agreement (RV-2023-017)");
  std::string contract = PlainText(BlocksOf(doc, Section::kContract)[0].spans);
  CHECK(Has(contract, "for cause and with immediate effect, as § 8.2 permits."));
  CHECK(Has(contract, "ends on the date of this letter, November 22, 2026."));
  CHECK_FALSE(Has(contract, "notice period"));
  CheckClean(doc);
}

TEST_CASE("a term that ends without renewal is confirmed, not cut short") {
  LetterRequest request = FullRequest(Language::kEn);
  request.contract.term_end = D("2026-12-31");
  Plan plan = FullPlan();
  plan.route = Route::kEndOfTerm;
  plan.effective_end_date = D("2026-12-31");
  plan.ends_at_term_end = true;
  plan.confirms_non_renewal = true;
  Document doc = Compose(request, plan);
  CHECK(doc.subject == "Non-renewal of the Master Services Agreement (RV-2023-017)");
  std::string contract = PlainText(BlocksOf(doc, Section::kContract)[0].spans);
  CHECK(Has(contract, "ends when its current term expires on December 31, 2026."));
  CHECK(Has(contract, "we will not continue it beyond that date"));
  CheckClean(doc);

  plan.confirms_non_renewal = false;
  contract = PlainText(BlocksOf(Compose(request, plan), Section::kContract)[0].spans);
  CHECK(Has(contract, "will end on December 31, 2026, at the close of its term."));
}

TEST_CASE("a language without templates is refused, not guessed") {
  LetterRequest request = FullRequest(Language::kPt);
  Result<Document> doc = testing::ShippedComposer()->Compose(request, FullPlan());
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == StatusCode::kInvalid);
  CHECK(doc.status().errors() ==
        std::vector<FieldError>{{"/language", "letters in 'pt' are not available yet"}});
}

TEST_CASE("reason labels come in catalog order") {
  auto composer = testing::ShippedComposer();
  for (Language language : {Language::kEn}) {
    std::vector<ReasonLabel> labels = composer->ReasonLabels(language);
    REQUIRE(labels.size() == ReasonIds().size());
    for (size_t i = 0; i < labels.size(); ++i) {
      CHECK(labels[i].id == ReasonIds()[i]);
      CHECK_FALSE(labels[i].label.empty());
    }
  }
  CHECK(composer->ReasonLabels(Language::kTh).empty());
}

}  // namespace
}  // namespace parting::compose
