#include "compose/composer.h"

#include <doctest/doctest.h>

#include "compose/letterhead.h"
#include "letters.h"
#include "locale/locale.h"

namespace parting::compose {
namespace {

using testing::AllText;
using testing::BlocksOf;
using testing::BodyText;
using testing::Compose;
using testing::D;
using testing::FullPlan;
using testing::FullRequest;
using testing::Has;

// What must never reach a reader, whatever the input left out.
void CheckClean(const Document& doc) {
  std::string text = AllText(doc);
  CAPTURE(text);
  for (const char* bad :
       {"{{", "}}", "()", "( ", " )", "  ", " ,", " .", " :", ",.", "..", "**", "\xEE\x80"})
    CHECK_MESSAGE(!Has(text, bad), "found '" << std::string(bad) << "'");
  for (const Block& block : doc.body) {
    CHECK_FALSE(block.spans.empty());
    for (const Span& span : block.spans) CHECK_FALSE(span.text.empty());
  }
}

TEST_CASE("a full letter in each language says what the input gives") {
  for (Language language : testing::TemplateLanguages()) {
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
  CHECK(testing::Spaced(doc.subject) ==
        "Termination of the Master Services Agreement (RV-2023-017)");
  CHECK(doc.salutation == "Dear Mr. Müller:");
  CHECK(doc.closing == "Sincerely,");
  CHECK(testing::Spaced(doc.date_line) == "November 22, 2026");
  CHECK(doc.page_label == "Page {page} of {pages}");
  CHECK(doc.draft_mark == "DRAFT");
  CHECK(doc.bcp47 == "en-US");
  CHECK(doc.title == doc.subject);
  CHECK(doc.author == "Jana Petersen, Nordlicht Consulting GmbH");
  CHECK(doc.recipient_lines == std::vector<std::string>{"Müller & Söhne AG", "Mr. Thomas Müller",
                                                        "Leopoldstraße 5", "80802 München"});
  CHECK(doc.signature_lines == std::vector<std::string>{"Nordlicht Consulting GmbH",
                                                        "Jana Petersen", "Geschäftsführerin"});
  CHECK(testing::Spaced(doc.return_address) ==
        "Nordlicht Consulting GmbH · Am Sandtorkai 12 · 20457 Hamburg");
  std::string body = BodyText(doc);
  CHECK(Has(body, "Thank you for the trust"));
  // After citing late payments, no "this decision is no reflection on you".
  CHECK_FALSE(Has(body, "no reflection on you"));
  CHECK(Has(body, "We are confident that another firm can serve you better."));
  CHECK(Has(body, "Several considerations have led us to this decision."));
  CHECK(Has(body,
            "We hereby give notice to terminate the Master Services Agreement dated January 15, "
            "2023 (RV-2023-017) under § 8.2."));
  CHECK(Has(body, "Website-Relaunch: Go-live, by December 15, 2026"));
  CHECK(Has(body, "we sincerely apologize"));
}

TEST_CASE("the German letter follows DIN 5008") {
  Document doc = Compose(FullRequest(Language::kDe), FullPlan());
  // The title names the contract: "Vertrag" is not said twice.
  CHECK(testing::Spaced(doc.subject) ==
        "Kündigung des Rahmenvertrags über Beratungsleistungen (RV-2023-017)");
  CHECK(doc.salutation == "Sehr geehrter Herr Müller,");
  CHECK(doc.closing == "Mit freundlichen Grüßen");
  CHECK(testing::Spaced(doc.date_line) == "Hamburg, 22. November 2026");
  CHECK(doc.page_label == "Seite {page} von {pages}");
  CHECK(doc.draft_mark == "ENTWURF");
  CHECK(doc.bcp47 == "de-DE");
  CHECK(testing::Spaced(doc.reference_lines) ==
        std::vector<std::string>{"Vertrag: RV-2023-017", "Vertragsdatum: 15. Januar 2023"});
  CHECK(doc.recipient_lines[1] == "Herrn Thomas Müller");
  std::string body = BodyText(doc);
  // After "Sehr geehrter Herr Müller," the letter goes on in lower case.
  CHECK(testing::Spaced(body).starts_with("vielen Dank für das Vertrauen"));
  CHECK(Has(body,
            "Hiermit kündigen wir den Rahmenvertrag über Beratungsleistungen vom "
            "15. Januar 2023 (Vertragsnummer RV-2023-017) gemäß § 8.2 fristgerecht zum 28. "
            "Februar 2027, hilfsweise zum nächstmöglichen Zeitpunkt."));
  CHECK(Has(body, "Die vereinbarte Kündigungsfrist beträgt drei Monate und ist damit gewahrt."));
  CHECK(Has(body, "Website-Relaunch: Go-live, bis zum 15. Dezember 2026"));
  CHECK_FALSE(Has(body, "richtet sich nicht gegen Sie"));  // not after citing late payments
  CHECK(Has(body, "Wir sind überzeugt, dass ein anderer Partner Sie besser betreuen kann."));
  LetterRequest request = FullRequest(Language::kDe);
  request.termination.reasons = {"time_drain"};
  CHECK(Has(BodyText(Compose(request, FullPlan())),
            "Es ist uns nicht gelungen, Sie so zu betreuen, wie Sie es erwarten dürfen"));
  CHECK(Has(body, "wir bedauern die Unannehmlichkeiten"));
}

TEST_CASE("a recipient abroad gets the country line, in the letter's language") {
  LetterRequest request = FullRequest(Language::kDe);
  request.recipient.country = "AT";
  CHECK(Compose(request, FullPlan()).recipient_lines.back() == "ÖSTERREICH");
  request.language = Language::kEn;
  CHECK(Compose(request, FullPlan()).recipient_lines.back() == "AUSTRIA");
  request.recipient.country = "DE";
  CHECK(Compose(request, FullPlan()).recipient_lines.back() == "80802 München");
}

TEST_CASE("values are verbatim spans, template text is not") {
  Document doc = Compose(FullRequest(Language::kEn), FullPlan());
  bool date_seen = false;
  for (const Block& block : BlocksOf(doc, Section::kContract))
    for (const Span& span : block.spans) {
      if (testing::Spaced(span.text) == locale::FormatDate(Language::kEn, D("2027-02-28"))) {
        date_seen = true;
        CHECK(span.verbatim);
      }
      if (Has(span.text, "We hereby give notice")) CHECK_FALSE(span.verbatim);
    }
  CHECK(date_seen);
  std::vector<Block> projects = BlocksOf(doc, Section::kProjects);
  REQUIRE(projects.size() == 4);  // lead-in, two items, the promise on quality
  CHECK(projects[1].kind == BlockKind::kListItem);
  CHECK(projects[1].spans[0] == Span{"Website-Relaunch", true, false, true, true});
}

TEST_CASE("request text can never make markup") {
  for (Language language : testing::TemplateLanguages()) {
    CAPTURE(LanguageCode(language));
    LetterRequest request = FullRequest(language);
    size_t contract_blocks = BlocksOf(Compose(request, FullPlan()), Section::kContract).size();
    request.contract.title = "**x**\n\n## y";
    request.recipient.organization = "- _a_\n\n@section apology";
    request.projects[0].name = "- _a_ \xEE\x80\x81 #b";
    Document doc = Compose(request, FullPlan());
    std::vector<Block> contract = BlocksOf(doc, Section::kContract);
    REQUIRE(contract.size() == contract_blocks);
    CHECK(contract[0].kind == BlockKind::kParagraph);
    CHECK(Has(PlainText(contract[0].spans), "**x** ## y"));
    for (const Span& span : contract[0].spans) CHECK_FALSE(span.bold);
    std::vector<Block> projects = BlocksOf(doc, Section::kProjects);
    REQUIRE(projects.size() == 4);
    CHECK(PlainText(projects[1].spans).starts_with("- _a_ #b"));
    CHECK(doc.recipient_lines[0] == "- _a_ @section apology");
    CHECK(Has(doc.subject, "**x** ## y"));
    CHECK(BlocksOf(doc, Section::kApology).size() == 1);
  }
}

TEST_CASE("a part whose input is absent is left out cleanly") {
  for (Language language : testing::TemplateLanguages()) {
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
  for (Language language : testing::TemplateLanguages()) {
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
  for (Language language : testing::TemplateLanguages()) {
    LetterRequest request = FullRequest(language);
    request.termination.reasons.clear();
    std::string without =
        PlainText(BlocksOf(Compose(request, FullPlan()), Section::kDecision)[0].spans);
    for (const std::string& id : ReasonIds()) {
      CAPTURE(LanguageCode(language));
      CAPTURE(id);
      request.termination.reasons = {id};
      Document doc = Compose(request, FullPlan());
      std::string with = PlainText(BlocksOf(doc, Section::kDecision)[0].spans);
      CHECK(testing::Added(with, without) > 40);
      CheckClean(doc);
    }
  }
}

TEST_CASE("abuse and unethical conduct are named calmly and firmly") {
  struct Case {
    Language language;
    const char* reason;
    const char* named;   // the behaviour or the values, calmly
    const char* firm;    // the decision stands
    const char* warmth;  // what would ring false here
    const char* sorry;
  };
  const Case cases[] = {
      {Language::kEn, "abusive_to_staff", "with respect is one of the values", "it is final",
       "no reflection on you", "apolog"},
      {Language::kEn, "unethical_conduct", "conservative organization", "it is final",
       "no reflection on you", "apolog"},
      {Language::kDe, "abusive_to_staff", "respektvoller Umgang", "sie ist endgültig",
       "richtet sich nicht gegen Sie", "bedauern"},
      {Language::kDe, "unethical_conduct", "konservativ geführtes Unternehmen", "sie ist endgültig",
       "richtet sich nicht gegen Sie", "bedauern"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.reason);
    LetterRequest request = FullRequest(c.language);
    request.termination.reasons = {c.reason, "time_drain"};
    Plan plan = FullPlan();
    std::erase(plan.sections, Section::kGoodwill);
    std::erase(plan.sections, Section::kApology);
    Document doc = Compose(request, plan);
    std::string body = BodyText(doc);
    CHECK(Has(body, c.named));
    CHECK(Has(body, c.firm));
    CHECK_FALSE(Has(body, c.warmth));
    CHECK_FALSE(Has(body, c.sorry));
    CheckClean(doc);
  }
}

TEST_CASE("several reasons make one paragraph, not a list") {
  for (Language language : testing::TemplateLanguages()) {
    LetterRequest request = FullRequest(language);
    request.termination.reasons = {"constant_complaints", "time_drain", "poor_communication",
                                   "payment_problems"};
    Document doc = Compose(request, FullPlan());
    std::vector<Block> decision = BlocksOf(doc, Section::kDecision);
    REQUIRE(decision.size() == 3);  // the decision, the lead-in to the occasions, one occasion
    CHECK(decision[0].kind == BlockKind::kParagraph);
  }
}

TEST_CASE("salutations follow the form of address") {
  struct Case {
    FormOfAddress form;
    const char* name;
    const char* en;
    const char* de;
  };
  const Case cases[] = {
      {FormOfAddress::kMr, "Thomas Müller", "Dear Mr. Müller:", "Sehr geehrter Herr Müller,"},
      {FormOfAddress::kMs, "Margaret Collins", "Dear Ms. Collins:", "Sehr geehrte Frau Collins,"},
      {FormOfAddress::kNeutral, "Margaret Collins",
       "Dear Margaret Collins:", "Guten Tag, Margaret Collins,"},
      {FormOfAddress::kMs, "Dr. Anna von Bergen",
       "Dear Dr. von Bergen:", "Sehr geehrte Frau Dr. von Bergen,"},
      {FormOfAddress::kNeutral, "", "Dear Sir or Madam:", "Sehr geehrte Damen und Herren,"},
      {FormOfAddress::kMr, "", "Dear Sir or Madam:", "Sehr geehrte Damen und Herren,"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    LetterRequest request = FullRequest(Language::kEn);
    request.recipient.form_of_address = c.form;
    request.recipient.name = c.name;
    CHECK(Compose(request, FullPlan()).salutation == c.en);
    request.language = Language::kDe;
    CHECK(Compose(request, FullPlan()).salutation == c.de);
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
  CHECK(testing::Spaced(doc.subject) ==
        "Immediate termination of the Master Services Agreement (RV-2023-017)");
  std::string contract = PlainText(BlocksOf(doc, Section::kContract)[0].spans);
  CHECK(
      Has(contract,
          "for cause, with immediate effect upon your receipt of this letter, as § 8.2 permits."));
  CHECK(Has(contract, "In the alternative, should the termination for cause not take effect"));
  CHECK_FALSE(Has(contract, "date of this letter"));
  CHECK_FALSE(Has(contract, "November 22, 2026"));
  CHECK_FALSE(Has(contract, "notice period"));
  CheckClean(doc);

  request.language = Language::kDe;
  request.contract.title = "Rahmenvertrag über Beratungsleistungen";
  doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) ==
        "Fristlose Kündigung des Rahmenvertrags über Beratungsleistungen (RV-2023-017)");
  contract = PlainText(BlocksOf(doc, Section::kContract)[0].spans);
  CHECK(Has(contract,
            "Hiermit kündigen wir den Rahmenvertrag über Beratungsleistungen vom 15. Januar 2023 "
            "(Vertragsnummer RV-2023-017) gemäß § 8.2 aus wichtigem Grund fristlos. Die "
            "Kündigung wird mit Zugang dieses Schreibens wirksam. Hilfsweise kündigen wir "
            "ordentlich zum nächstmöglichen Zeitpunkt."));
  CHECK_FALSE(Has(contract, "Datum dieses Schreibens"));
  CHECK_FALSE(Has(contract, "Kündigungsfrist"));
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
  CHECK(testing::Spaced(doc.subject) ==
        "Non-renewal of the Master Services Agreement (RV-2023-017)");
  std::string contract = PlainText(BlocksOf(doc, Section::kContract)[0].spans);
  CHECK(Has(contract, "ends when its current term expires on December 31, 2026."));
  CHECK(Has(contract, "we will not continue it beyond that date"));
  CheckClean(doc);

  plan.confirms_non_renewal = false;
  contract = PlainText(BlocksOf(Compose(request, plan), Section::kContract)[0].spans);
  CHECK(Has(contract,
            "will end on December 31, 2026, at the close of its term or, should that date not be "
            "attainable, on the earliest date thereafter that the agreement permits."));

  plan.confirms_non_renewal = true;
  request.language = Language::kDe;
  request.contract.title = "Wartungsvertrag";
  doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) == "Nichtverlängerung des Wartungsvertrags (RV-2023-017)");
  request.contract.title = "Wartung der Serverlandschaft";
  CHECK(testing::Spaced(Compose(request, plan).subject) ==
        "Nichtverlängerung des Vertrags „Wartung der Serverlandschaft“ (RV-2023-017)");
  request.contract.title = "Wartungsvertrag";
  contract = PlainText(BlocksOf(doc, Section::kContract)[0].spans);
  CHECK(Has(contract,
            "Der Wartungsvertrag vom 15. Januar 2023 (Vertragsnummer RV-2023-017) "
            "endet mit Ablauf der vereinbarten Laufzeit am 31. Dezember 2026."));
  CHECK(Has(contract,
            "dass wir das Vertragsverhältnis darüber hinaus nicht fortsetzen werden, und "
            "kündigen es vorsorglich gemäß § 8.2 zu diesem Zeitpunkt, hilfsweise zum "
            "nächstmöglichen Zeitpunkt."));
  CheckClean(doc);
}

TEST_CASE("each kind of goodwill names its amount and invoice") {
  struct Case {
    Language language;
    GoodwillKind kind;
    const char* words;
  };
  const Case cases[] = {
      {Language::kEn, GoodwillKind::kRefundLastMonth, "refund your fee for the last month"},
      {Language::kEn, GoodwillKind::kCancelLastInvoice,
       "canceling our last invoice RE-2026-1102 for"},
      {Language::kEn, GoodwillKind::kWaiveFee, "waive the fee of"},
      {Language::kDe, GoodwillKind::kRefundLastMonth, "erstatten wir Ihnen die Vergütung"},
      {Language::kDe, GoodwillKind::kCancelLastInvoice,
       "stornieren wir unsere letzte Rechnung RE-2026-1102 über"},
      {Language::kDe, GoodwillKind::kWaiveFee, "verzichten wir auf die sonst fällige Gebühr"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.words);
    LetterRequest request = FullRequest(c.language);
    request.goodwill.kind = c.kind;
    Document doc = Compose(request, FullPlan());
    std::vector<Block> goodwill = BlocksOf(doc, Section::kGoodwill);
    REQUIRE(goodwill.size() == 1);
    std::string text = PlainText(goodwill[0].spans);
    CHECK(Has(text, c.words));
    CHECK(Has(text, locale::FormatAmount(c.language, *Amount::FromDecimal("1250.00"), "EUR")));
    CHECK(Has(text, "RE-2026-1102"));
    CheckClean(doc);
  }
}

TEST_CASE("an amount without any currency is left out, not printed bare") {
  LetterRequest request = FullRequest(Language::kEn);
  request.goodwill.currency.clear();
  request.contract.currency.clear();
  std::string text = PlainText(BlocksOf(Compose(request, FullPlan()), Section::kGoodwill)[0].spans);
  CHECK_FALSE(Has(text, "1,250"));
  CHECK(Has(text, "RE-2026-1102"));
}

TEST_CASE("a language without templates is refused, not guessed") {
  // A template folder with English only.
  const auto dir = parting::testing::TempDir("parting-templates-");
  std::filesystem::copy(parting::testing::SourceDir() / "letter_templates" / "en", dir / "en",
                        std::filesystem::copy_options::recursive);
  auto composer = Composer::Load(dir);
  REQUIRE(composer.ok());
  LetterRequest request = FullRequest(Language::kPt);
  Result<Document> doc = (*composer)->Compose(request, FullPlan());
  CHECK((*composer)->ReasonLabels(Language::kTh).empty());
  std::filesystem::remove_all(dir);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().code() == StatusCode::kInvalid);
  CHECK(doc.status().errors() ==
        std::vector<FieldError>{{"/language", "letters in 'pt' are not available yet"}});
}

TEST_CASE("reason labels come in catalog order") {
  auto composer = testing::ShippedComposer();
  for (Language language : testing::TemplateLanguages()) {
    std::vector<ReasonLabel> labels = composer->ReasonLabels(language);
    REQUIRE(labels.size() == ReasonIds().size());
    for (size_t i = 0; i < labels.size(); ++i) {
      CHECK(labels[i].id == ReasonIds()[i]);
      CHECK_FALSE(labels[i].label.empty());
    }
  }
}

}  // namespace
}  // namespace parting::compose

namespace parting::compose {
namespace {

TEST_CASE("a signed letter's caption: the signer and the day, in the letter's language") {
  const Date day{2026, 11, 29};
  Document de = Compose(FullRequest(Language::kDe), FullPlan());
  CHECK(de.signature_caption.empty());  // filled only when the letter is signed
  CHECK(testing::Spaced(SignatureCaption(de, "Nordlicht Consulting GmbH", day)) ==
        "Digital signiert von Nordlicht Consulting GmbH am 29. November 2026");
  Document th = Compose(FullRequest(Language::kTh), FullPlan());
  CHECK(testing::Spaced(SignatureCaption(th, "Jana Petersen", day)) ==
        "ลงนามแบบดิจิทัลโดย Jana Petersen เมื่อวันที่ 29 พฤศจิกายน 2569");
  // A name is a value: a placeholder in it is not filled.
  CHECK(testing::Spaced(SignatureCaption(de, "{date} & Co", day)) ==
        "Digital signiert von {date} & Co am 29. November 2026");
}

}  // namespace
}  // namespace parting::compose
