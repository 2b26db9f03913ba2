// The Polish letter: the shipped sample end to end (parser, rules, compose),
// forms of address with their agreement, every reason, and each route.
#include <doctest/doctest.h>

#include <algorithm>

#include "compose/composer.h"
#include "letters.h"
#include "locale/locale.h"
#include "parting/plan.h"
#include "parting/request.h"

namespace parting::compose {
namespace {

using testing::AllText;
using testing::BlocksOf;
using testing::BodyText;
using testing::Compose;
using testing::D;
using testing::Has;
using testing::SectionText;

// What must never reach a reader, whatever the input left out.
void CheckClean(const Document& doc) {
  std::string text = AllText(doc);
  CAPTURE(text);
  for (const char* bad :
       {"{{", "}}", "()", "( ", " )", "  ", " ,", " .", " :", ",.", "..", "**", "\"", "\xEE\x80"})
    CHECK_MESSAGE(!Has(text, bad), "found '" << std::string(bad) << "'");
  for (const Block& block : doc.body) {
    CHECK_FALSE(block.spans.empty());
    for (const Span& span : block.spans) CHECK_FALSE(span.text.empty());
  }
}

LetterRequest Sample() {
  std::string json = parting::testing::ReadFile(parting::testing::SourceDir() /
                                                "letter_templates/pl/samples/full.json");
  Result<LetterRequest> request = ParseLetterRequest(json, D("2026-11-22"));
  if (!request.ok()) throw std::runtime_error(request.status().ToString());
  return request.value();
}

Plan PlanOf(const LetterRequest& request) {
  Result<Plan> plan = MakePlan(request);
  if (!plan.ok()) throw std::runtime_error(plan.status().ToString());
  return plan.value();
}

Document Letter(const LetterRequest& request) { return Compose(request, PlanOf(request)); }

// The words that name the recipient, by form of address: what each form must
// say somewhere in the full letter, and what would betray a wrong agreement.
struct Form {
  FormOfAddress form;
  const char* salutation;
  std::vector<const char*> says;
  std::vector<const char*> never;
};

const std::vector<Form>& Forms() {
  static const std::vector<Form> forms = {
      {FormOfAddress::kMr,
       "Szanowny Panie,",
       {"za zaufanie, którym darzy nas Pan ",
        "współpracy na takim poziomie, na "
        "jaki Pan zasługuje",
        "Może Pan być pewien", "przekażemy Panu:", "tak aby nie musiał Pan jej opłacać",
        "dla Pana dodatkową pracę", "na Pana potrzeby", "pozostajemy do Pana dyspozycji",
        "Życzymy Panu"},
       {"Pani ", "Panią", "Państw", "być pewna", "być pewni", "musiała", "musieli"}},
      {FormOfAddress::kMs,
       "Szanowna Pani,",
       {"za zaufanie, którym darzy nas Pani ",
        "współpracy na takim poziomie, na "
        "jaki Pani zasługuje",
        "Może Pani być pewna", "przekażemy Pani:", "tak aby nie musiała Pani jej opłacać",
        "dla Pani dodatkową pracę", "na Pani potrzeby", "pozostajemy do Pani dyspozycji",
        "Życzymy Pani"},
       {"Pan ", "Pana ", "Panu", "Panem", "Państw", "być pewien", "być pewni", "musiał ",
        "musieli"}},
      {FormOfAddress::kNeutral,
       "Szanowni Państwo,",
       {"za zaufanie, którym darzą nas Państwo ",
        "współpracy na takim "
        "poziomie, na jaki Państwo zasługują",
        "Mogą Państwo być pewni", "przekażemy Państwu:", "tak aby nie musieli Państwo jej opłacać",
        "dla Państwa dodatkową pracę", "na Państwa potrzeby", "pozostajemy do Państwa dyspozycji",
        "Życzymy Państwu"},
       {"Pan ", "Pana ", "Panu", "Panem", "Pani ", "Panią", "być pewien", "być pewna", "musiał ",
        "musiała"}},
  };
  return forms;
}

TEST_CASE("the Polish templates load with every reason label") {
  auto composer = testing::ShippedComposer();
  std::vector<Language> languages = testing::TemplateLanguages();
  CHECK(std::find(languages.begin(), languages.end(), Language::kPl) != languages.end());
  std::vector<ReasonLabel> labels = composer->ReasonLabels(Language::kPl);
  REQUIRE(labels.size() == ReasonIds().size());
  for (size_t i = 0; i < labels.size(); ++i) {
    CHECK(labels[i].id == ReasonIds()[i]);
    CHECK_FALSE(labels[i].label.empty());
  }
}

TEST_CASE("the Polish sample becomes a letter a Polish firm would sign") {
  LetterRequest request = Sample();
  Plan plan = PlanOf(request);
  CHECK(plan.route == Route::kOrdinaryNotice);
  CHECK(plan.effective_end_date == D("2026-12-31"));
  CHECK(plan.warnings.empty());
  Document doc = Compose(request, plan);
  std::string text = AllText(doc);
  CAPTURE(text);

  CHECK(doc.bcp47 == "pl-PL");
  // The title names the agreement: "umowa" is not said twice, and the title
  // is declined after "Wypowiedzenie".
  CHECK(testing::Spaced(doc.subject) ==
        "Wypowiedzenie Umowy o świadczenie usług analitycznych nr UA/2023/017");
  CHECK(doc.salutation == "Szanowna Pani,");
  CHECK(testing::Spaced(doc.date_line) == "Kraków, 22 listopada 2026 r.");
  CHECK(doc.closing == "Z poważaniem");
  CHECK(doc.page_label == "Strona {page} z {pages}");
  CHECK(doc.draft_mark == "PROJEKT");
  CHECK(doc.recipient_lines ==
        std::vector<std::string>{"Mazowiecka Sieć Handlowa S.A.", "Pani Małgorzata Wiśniewska",
                                 "ul. Marszałkowska 84/92", "00-514 Warszawa"});
  CHECK(testing::Spaced(doc.reference_lines) ==
        std::vector<std::string>{"Nr umowy: UA/2023/017", "Data zawarcia umowy: 1 marca 2023 r."});
  CHECK(doc.signature_lines == std::vector<std::string>{"Bursztynowa Analityka sp. z o.o.",
                                                        "Krzysztof Zieliński", "Prezes Zarządu"});

  // The facts of the input, in Polish forms: genitive months, grouped złoty.
  CHECK(locale::FormatDate(Language::kPl, plan.effective_end_date) == "31 grudnia 2026\u00a0r.");
  CHECK(Has(text, "31 grudnia 2026\u00a0r."));
  CHECK(Has(text, "§ 9 ust. 2"));
  CHECK(Has(text, "Panel sprzedaży za IV kwartał"));
  CHECK(Has(text, "Model prognozowania zapasów"));
  CHECK(locale::FormatAmount(Language::kPl, *Amount::FromDecimal("12500.00"), "PLN") ==
        "12\u00a0500,00\u00a0zł");
  CHECK(Has(text, "12\u00a0500,00\u00a0zł"));
  CHECK(Has(text, "FV/2026/11/214"));
  CHECK(Has(text, "Joanna Dąbrowska"));
  CHECK(Has(text, "Wrocławskie Centrum Analiz sp. z o.o."));
  CHECK(Has(text, "Datawise Polska S.A."));

  std::string body = BodyText(doc);
  CHECK(testing::Spaced(body).starts_with(
      "Na wstępie pragniemy serdecznie podziękować za zaufanie, którym "
      "darzy nas Pani od 1 marca 2023 r., kiedy zawarliśmy naszą umowę."));
  CHECK(Has(body, "z zespołem firmy Mazowiecka Sieć Handlowa S.A."));
  CHECK(Has(body, "Złożyło się na nią kilka względów."));
  CHECK(Has(body,
            "Nasza decyzja nie jest wyrazem krytyki wobec Pani. To my nie zdołaliśmy "
            "zapewnić Pani współpracy"));
  CHECK(Has(body, "Nasza ocena opiera się na następujących udokumentowanych zdarzeniach:"));
  CHECK(Has(body, "12 czerwca 2026\u00a0r. – przegląd kwartalny"));
  CHECK(Has(SectionText(doc, Section::kContract),
            "Niniejszym wypowiadamy Umowę o świadczenie usług analitycznych nr "
            "UA/2023/017 z dnia 1 marca 2023\u00a0r. na podstawie § 9 ust. 2."));
  CHECK(
      Has(SectionText(doc, Section::kContract),
          "Umowa ulegnie rozwiązaniu z dniem 31 grudnia 2026\u00a0r., a w razie niedochowania tego "
          "terminu – z upływem najbliższego możliwego terminu."));
  CHECK(Has(SectionText(doc, Section::kContract),
            "Tym samym zachowujemy umowny okres wypowiedzenia, który wynosi 1 miesiąc."));
  CHECK(Has(body,
            "Panel sprzedaży za IV kwartał: gotowy panel wraz z dokumentacją, do 11 "
            "grudnia 2026\u00a0r."));
  CHECK(Has(body,
            "Aby zapewnić ciągłość prac po zakończeniu naszej współpracy, do 22 grudnia "
            "2026\u00a0r. przekażemy Pani:"));
  CHECK(Has(body,
            "Osobą kontaktową we wszystkich sprawach związanych z przekazaniem będzie "
            "Joanna Dąbrowska, e-mail: "
            "joanna.dabrowska@bursztynowa.example, tel. +48 12 345 67 90."));
  CHECK(Has(SectionText(doc, Section::kGoodwill),
            "rezygnujemy z należności z naszej ostatniej faktury nr FV/2026/11/214 na kwotę "
            "12\u00a0500,00\u00a0zł i wystawimy do niej fakturę korygującą"));
  CHECK(Has(body, "szczerze przepraszamy"));
  CHECK(Has(body, "Wrocławskie Centrum Analiz sp. z o.o. – specjalizuje się"));

  // Every part, in the order of domain.md.
  std::vector<Section> order;
  for (const Block& block : doc.body)
    if (order.empty() || order.back() != block.section) order.push_back(block.section);
  CHECK(order == plan.sections);
  CheckClean(doc);
}

TEST_CASE("the Polish notice period takes its plural from the engine") {
  LetterRequest request = Sample();
  request.contract.notice_period = Period{3, TimeUnit::kMonths};
  CHECK(Has(SectionText(Letter(request), Section::kContract), "który wynosi 3 miesiące."));
  request.contract.notice_period = Period{5, TimeUnit::kMonths};
  CHECK(Has(SectionText(Letter(request), Section::kContract), "który wynosi 5 miesięcy."));
  request.contract.notice_period = Period{14, TimeUnit::kDays};
  CHECK(Has(SectionText(Letter(request), Section::kContract), "który wynosi 14 dni."));
}

TEST_CASE("Polish salutations and agreement follow the form of address") {
  for (const Form& form : Forms()) {
    CAPTURE(std::string(form.salutation));
    LetterRequest request = Sample();
    request.recipient.form_of_address = form.form;
    // Every reason that keeps the letter warm, so that no reason slips into
    // another form; the firm ones are checked on their own below.
    request.termination.reasons.clear();
    for (const std::string& id : ReasonIds())
      if (id != "abusive_to_staff" && id != "unethical_conduct" && id != "payment_problems" &&
          id != "unreasonable_demands" && id != "lack_of_respect")
        request.termination.reasons.push_back(id);
    Document doc = Letter(request);
    CHECK(doc.salutation == form.salutation);
    std::string body = BodyText(doc);
    CAPTURE(body);
    for (const char* words : form.says) CHECK_MESSAGE(Has(body, words), std::string(words));
    for (const char* words : form.never) CHECK_MESSAGE(!Has(body, words), std::string(words));
    CheckClean(doc);

    request.termination.reasons = ReasonIds();
    doc = Letter(request);
    body = BodyText(doc);
    CHECK(Has(body, "Decyzja ta nie zapadła pochopnie i jest ostateczna."));
    for (const char* words : form.never) CHECK_MESSAGE(!Has(body, words), std::string(words));
    CheckClean(doc);
  }
}

TEST_CASE("the Polish salutation never puts the surname in the vocative") {
  LetterRequest request = Sample();
  for (const char* name : {"Jan Kowalski", "mgr Jan Kowalski", "J. A. Nowak", ""}) {
    CAPTURE(name);
    request.recipient.name = name;
    request.recipient.form_of_address = FormOfAddress::kMr;
    CHECK(Letter(request).salutation == "Szanowny Panie,");
    request.recipient.form_of_address = FormOfAddress::kMs;
    CHECK(Letter(request).salutation == "Szanowna Pani,");
    request.recipient.form_of_address = FormOfAddress::kNeutral;
    CHECK(Letter(request).salutation == "Szanowni Państwo,");
  }
  request.recipient.name = "Jan Kowalski";
  request.recipient.form_of_address = FormOfAddress::kMr;
  CHECK(Letter(request).recipient_lines[1] == "Pan Jan Kowalski");
  request.recipient.form_of_address = FormOfAddress::kNeutral;
  CHECK(Letter(request).recipient_lines[1] == "Jan Kowalski");
}

TEST_CASE("every Polish reason renders in every form of address") {
  for (const Form& form : Forms()) {
    LetterRequest request = Sample();
    request.recipient.form_of_address = form.form;
    request.termination.reasons.clear();
    std::string without = PlainText(BlocksOf(Letter(request), Section::kDecision)[0].spans);
    for (const std::string& id : ReasonIds()) {
      CAPTURE(std::string(form.salutation));
      CAPTURE(id);
      request.termination.reasons = {id};
      Document doc = Letter(request);
      std::vector<Block> decision = BlocksOf(doc, Section::kDecision);
      REQUIRE_FALSE(decision.empty());
      std::string with = PlainText(decision[0].spans);
      CHECK(testing::Added(with, without) > 60);
      CHECK_FALSE(Has(with, "Złożyło się na nią"));  // one reason is not several
      for (const char* words : form.never) CHECK_MESSAGE(!Has(with, words), std::string(words));
      CheckClean(doc);
    }
  }
}

TEST_CASE("Polish reasons follow one another in one paragraph") {
  LetterRequest request = Sample();
  request.termination.reasons = {"constant_complaints", "time_drain", "poor_communication",
                                 "payment_problems"};
  Document doc = Letter(request);
  std::vector<Block> decision = BlocksOf(doc, Section::kDecision);
  REQUIRE(decision.size() == 4);  // the decision, the lead-in, two occasions
  CHECK(decision[0].kind == BlockKind::kParagraph);
  CHECK(decision[2].kind == BlockKind::kListItem);
  CHECK(Has(PlainText(decision[0].spans), "Złożyło się na nią kilka względów."));
  CheckClean(doc);
}

TEST_CASE("Polish immediate termination for cause") {
  LetterRequest request = Sample();
  request.termination.for_cause = true;
  request.termination.reasons = {"abusive_to_staff"};
  request.contract.immediate_for_cause = true;
  Plan plan = PlanOf(request);
  REQUIRE(plan.route == Route::kForCause);
  CHECK(plan.effective_end_date == D("2026-11-22"));
  Document doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) ==
        "Wypowiedzenie Umowy o świadczenie usług analitycznych nr UA/2023/017 ze skutkiem "
        "natychmiastowym");
  {
    LetterRequest other = request;
    other.contract.title = "Zlecenie stałe obsługi analitycznej";
    CHECK(testing::Spaced(Compose(other, plan).subject) ==
          "Wypowiedzenie umowy „Zlecenie stałe obsługi analitycznej” nr UA/2023/017 ze skutkiem "
          "natychmiastowym");
  }
  std::string contract = SectionText(doc, Section::kContract);
  CHECK(Has(
      contract,
      "Niniejszym wypowiadamy Umowę o świadczenie usług analitycznych nr "
      "UA/2023/017 z dnia 1 marca 2023\u00a0r. z ważnych powodów, ze skutkiem natychmiastowym, na "
      "podstawie § 9 ust. 2."));
  CHECK(Has(contract, "Umowa ulega rozwiązaniu z chwilą doręczenia niniejszego pisma."));
  CHECK(Has(contract,
            "niniejsze pismo stanowi wypowiedzenie umowy ze skutkiem na najbliższy "
            "możliwy termin."));
  CHECK_FALSE(Has(contract, "z datą niniejszego pisma"));
  CHECK_FALSE(Has(contract, "okres wypowiedzenia"));

  // Named calmly, the firm's values, the decision stands; no apology, no
  // goodwill, no warmth that would ring false.
  std::string body = BodyText(doc);
  CHECK(Has(body, "Wzajemny szacunek jest jedną z wartości"));
  CHECK(Has(body, "Decyzja ta nie zapadła pochopnie i jest ostateczna."));
  CHECK_FALSE(Has(body, "przeprasza"));
  CHECK_FALSE(Has(body, "wyrazem krytyki"));
  CHECK_FALSE(Has(body, "nasze drogi jeszcze się"));
  CHECK(BlocksOf(doc, Section::kApology).empty());
  CHECK(BlocksOf(doc, Section::kGoodwill).empty());
  CheckClean(doc);

  // Without a title, reference, date or clause the sentence still stands.
  request.contract.title.clear();
  request.contract.reference.clear();
  request.contract.signed_on.reset();
  request.contract.termination_clause.clear();
  doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) == "Wypowiedzenie umowy ze skutkiem natychmiastowym");
  CHECK(Has(SectionText(doc, Section::kContract),
            "Niniejszym wypowiadamy łączącą nas umowę z ważnych powodów, ze skutkiem "
            "natychmiastowym."));
  CheckClean(doc);
}

TEST_CASE("unethical conduct is declined in Polish without apology") {
  LetterRequest request = Sample();
  request.termination.reasons = {"unethical_conduct", "time_drain"};
  Plan plan = PlanOf(request);
  Document doc = Compose(request, plan);
  std::string body = BodyText(doc);
  CHECK(Has(body, "Jesteśmy organizacją o konserwatywnym podejściu"));
  CHECK(Has(body, "jest ostateczna"));
  CHECK_FALSE(Has(body, "przeprasza"));
  CHECK_FALSE(Has(body, "wyrazem krytyki"));
  CheckClean(doc);
}

TEST_CASE("a Polish fixed term that ends without renewal") {
  LetterRequest request = Sample();
  request.contract.term_end = D("2026-12-31");
  Plan plan = testing::FullPlan();
  plan.route = Route::kEndOfTerm;
  plan.effective_end_date = D("2026-12-31");
  plan.ends_at_term_end = true;
  plan.confirms_non_renewal = true;
  Document doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) ==
        "Oświadczenie o nieprzedłużeniu Umowy o świadczenie usług analitycznych nr UA/2023/017");
  std::string contract = SectionText(doc, Section::kContract);
  CHECK(Has(contract,
            "wygasa z upływem okresu, na jaki została zawarta, to jest z dniem 31 "
            "grudnia 2026\u00a0r."));
  CHECK(Has(contract,
            "Niniejszym potwierdzamy, że nie przedłużymy jej po tym dniu, a z "
            "ostrożności wypowiadamy ją na ten dzień na podstawie § 9 ust. 2, a w razie "
            "niedochowania tego terminu – z upływem najbliższego możliwego terminu."));
  CheckClean(doc);

  plan.confirms_non_renewal = false;
  contract = SectionText(Compose(request, plan), Section::kContract);
  CHECK(Has(contract,
            "Umowa ulegnie rozwiązaniu z dniem 31 grudnia 2026\u00a0r., z upływem okresu, na "
            "jaki została zawarta, a w razie niedochowania"));
}

TEST_CASE("each kind of Polish goodwill names its amount and invoice") {
  struct Case {
    GoodwillKind kind;
    const char* words;
  };
  const Case cases[] = {
      {GoodwillKind::kRefundLastMonth, "zwrócimy Pani wynagrodzenie za ostatni miesiąc w kwocie"},
      {GoodwillKind::kCancelLastInvoice, "wystawimy do niej fakturę korygującą"},
      {GoodwillKind::kWaiveFee, "nie pobierzemy opłaty w kwocie"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.words);
    LetterRequest request = Sample();
    request.goodwill.kind = c.kind;
    Document doc = Letter(request);
    std::string text = SectionText(doc, Section::kGoodwill);
    CHECK(Has(text, c.words));
    CHECK(Has(text, "12\u00a0500,00\u00a0zł"));
    CHECK(Has(text, "FV/2026/11/214"));
    CheckClean(doc);

    request.goodwill.amount.reset();
    request.goodwill.invoice.clear();
    doc = Letter(request);
    text = SectionText(doc, Section::kGoodwill);
    CHECK_FALSE(Has(text, "zł"));
    CHECK_FALSE(Has(text, "faktura nr"));
    CheckClean(doc);
  }
}

TEST_CASE("absent Polish facts leave no trace") {
  LetterRequest request = Sample();
  Plan plan = PlanOf(request);
  request.contract.title.clear();
  request.contract.reference.clear();
  request.contract.signed_on.reset();
  request.contract.termination_clause.clear();
  request.contract.notice_period.reset();
  request.recipient.organization.clear();
  request.projects = {{"Panel sprzedaży za IV kwartał", "", std::nullopt}};
  request.transition.handover.clear();
  request.transition.contact = Contact{"", "", "+48 12 345 67 90"};
  request.transition.alternatives = {{"Datawise Polska S.A.", ""}};
  request.termination.documented_situations.clear();
  Document doc = Compose(request, plan);
  CheckClean(doc);
  CHECK(testing::Spaced(doc.subject) == "Wypowiedzenie umowy");
  std::string body = BodyText(doc);
  CAPTURE(body);
  CHECK(Has(body, "Niniejszym wypowiadamy łączącą nas umowę."));
  CHECK(Has(body, "następujący projekt"));
  CHECK(Has(body, "przekazanie spraw zakończymy do 22 grudnia 2026\u00a0r."));
  CHECK(Has(body, "prosimy o kontakt pod numerem telefonu +48 12 345 67 90."));
  CHECK(Has(body, "polecić firmę, która"));
  CHECK_FALSE(Has(body, "§"));
  CHECK(doc.reference_lines.empty());
}

}  // namespace
}  // namespace parting::compose
