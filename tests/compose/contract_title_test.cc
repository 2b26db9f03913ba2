// The contract is named once: German and Polish letter bodies give a title
// that already names the agreement its own article or case ("den
// Rahmenvertrag über …", "Umowę o …") and quote any other title after their
// word for contract, on every route (notice, for cause, non-renewal, a term
// already over).
#include "compose/contract_title.h"

#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "letters.h"

namespace parting::compose {
namespace {

using testing::Compose;
using testing::D;
using testing::FullPlan;
using testing::FullRequest;
using testing::Has;
using testing::SectionText;

TEST_CASE("the title as object and subject, by its head noun") {
  struct Forms {
    Language language;
    const char* title;
    const char* object;
    const char* subject;
  };
  const Forms cases[] = {
      {Language::kDe, "Rahmenvertrag über Beratungsleistungen",
       "den Rahmenvertrag über Beratungsleistungen", "Der Rahmenvertrag über Beratungsleistungen"},
      {Language::kDe, "IT-Dienstleistungsvertrag", "den IT-Dienstleistungsvertrag",
       "Der IT-Dienstleistungsvertrag"},
      {Language::kDe, "Wartungsvereinbarung 2024", "die Wartungsvereinbarung 2024",
       "Die Wartungsvereinbarung 2024"},
      {Language::kDe, "Kooperationsabkommen", "das Kooperationsabkommen",
       "Das Kooperationsabkommen"},
      {Language::kDe, "Wartung der Serverlandschaft", "", ""},
      {Language::kDe, "Pflege – Rahmenvertrag", "", ""},  // the head is not a contract noun
      {Language::kPl, "Umowa o świadczenie usług analitycznych",
       "Umowę o świadczenie usług analitycznych", "Umowa o świadczenie usług analitycznych"},
      {Language::kPl, "umowa ramowa o współpracy", "umowę ramową o współpracy",
       "umowa ramowa o współpracy"},
      {Language::kPl, "Umowa licencyjna nr 7", "Umowę licencyjną nr 7", "Umowa licencyjna nr 7"},
      {Language::kPl, "UMOWA SERWISOWA", "UMOWĘ SERWISOWĄ", "UMOWA SERWISOWA"},
      {Language::kPl, "Umowa zlecenia", "Umowę zlecenia", "Umowa zlecenia"},
      {Language::kPl, "Umowa kupna sprzedaży", "Umowę kupna sprzedaży", "Umowa kupna sprzedaży"},
      {Language::kPl, "Umowa", "Umowę", "Umowa"},
      {Language::kPl, "Porozumienie o współpracy", "", ""},
      {Language::kPl, "Zlecenie stałe obsługi analitycznej", "", ""},
      {Language::kEn, "Master Services Agreement", "", ""},
      {Language::kPt, "Contrato de Prestação de Serviços", "", ""},
  };
  for (const Forms& c : cases) {
    CAPTURE(c.title);
    CHECK(TitleAsObject(c.language, c.title) == c.object);
    CHECK(TitleAsSubject(c.language, c.title) == c.subject);
  }
}

TEST_CASE("a title in the genitive, for the subject line (pl, de)") {
  const std::pair<const char*, const char*> cases[] = {
      {"Umowa o świadczenie usług analitycznych", "Umowy o świadczenie usług analitycznych"},
      {"Umowa ramowa o współpracy", "Umowy ramowej o współpracy"},
      {"Umowa licencyjna nr 7", "Umowy licencyjnej nr 7"},
      {"umowa deweloperska", "umowy deweloperskiej"},
      {"UMOWA SERWISOWA", "UMOWY SERWISOWEJ"},
      {"Umowa zlecenia", "Umowy zlecenia"},
      {"Umowa kupna sprzedaży", "Umowy kupna sprzedaży"},
      {"Porozumienie o współpracy", ""},
      {"Zlecenie stałe", ""},
  };
  for (const auto& [title, genitive] : cases) {
    CAPTURE(title);
    CHECK(TitleGenitive(Language::kPl, title) == genitive);
  }
  // German: the article, and an "s" on a masculine or neuter head noun.
  CHECK(TitleGenitive(Language::kDe, "Rahmenvertrag über Beratungsleistungen") ==
        "des Rahmenvertrags über Beratungsleistungen");
  CHECK(TitleGenitive(Language::kDe, "Wartungsvereinbarung 2024") ==
        "der Wartungsvereinbarung 2024");
  CHECK(TitleGenitive(Language::kDe, "Kooperationsabkommen") == "des Kooperationsabkommens");
  CHECK(TitleGenitive(Language::kDe, "Pflege – Rahmenvertrag").empty());
  CHECK(TitleGenitive(Language::kEn, "Master Services Agreement").empty());
  LetterRequest request = FullRequest(Language::kPl);
  request.contract.title = "Umowa ramowa o współpracy";
  CHECK(testing::Spaced(Compose(request, FullPlan()).subject) ==
        "Wypowiedzenie Umowy ramowej o współpracy nr RV-2023-017");
  request.contract.title = "Porozumienie o współpracy";
  CHECK(testing::Spaced(Compose(request, FullPlan()).subject) ==
        "Wypowiedzenie: Porozumienie o współpracy nr RV-2023-017");
}

// The plan for one route: notice, immediate for cause, non-renewal with the
// term still running, non-renewal of a term already over.
enum class Way { kNotice, kImmediate, kNonRenewal, kTermOver };

void Route(Way way, LetterRequest& request, Plan& plan) {
  switch (way) {
    case Way::kNotice:
      break;
    case Way::kImmediate:
      request.termination.for_cause = true;
      request.contract.immediate_for_cause = true;
      plan.route = Route::kForCause;
      plan.effective_end_date = plan.letter_date;
      break;
    case Way::kNonRenewal:
      request.contract.term_end = D("2026-12-31");
      plan.route = Route::kEndOfTerm;
      plan.effective_end_date = D("2026-12-31");
      plan.ends_at_term_end = true;
      plan.confirms_non_renewal = true;
      break;
    case Way::kTermOver:
      request.contract.term_end = D("2026-06-30");
      plan.route = Route::kEndOfTerm;
      plan.ends_at_term_end = true;
      plan.confirms_non_renewal = true;
      break;
  }
}

// How often `word` occurs in `text`, case-insensitively for ASCII.
size_t Count(const std::string& text_in, const std::string& word_in) {
  auto lower = [](std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  };
  const std::string text = lower(text_in);
  const std::string word = lower(word_in);
  size_t count = 0;
  for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++count;
  return count;
}

// A title's wording per language, and what every route's contract part must
// then say: the object form after the verb, the subject form opening a
// sentence (non-renewal, a term already over).
struct Case {
  const char* title;
  const char* object;
  const char* subject;
};

// Every route's contract part for `title`, with the form it must contain.
void ForEveryRoute(Language language, const Case& c,
                   const std::function<void(const std::string&)>& check) {
  for (Way way : {Way::kNotice, Way::kImmediate, Way::kNonRenewal, Way::kTermOver}) {
    CAPTURE(c.title);
    CAPTURE(static_cast<int>(way));
    LetterRequest request = FullRequest(language);
    request.contract.title = c.title;
    Plan plan = FullPlan();
    Route(way, request, plan);
    const std::string contract = SectionText(Compose(request, plan), Section::kContract);
    CAPTURE(contract);
    const bool names_it_first = way == Way::kNonRenewal || way == Way::kTermOver;
    CHECK(Has(contract, names_it_first ? c.subject : c.object));
    check(contract);
  }
}

TEST_CASE("German bodies name the contract once, on every route") {
  const Case cases[] = {
      {"Rahmenvertrag über Beratungsleistungen",
       "kündigen wir den Rahmenvertrag über Beratungsleistungen vom",
       "Der Rahmenvertrag über Beratungsleistungen vom"},
      {"Wartungsvereinbarung", "kündigen wir die Wartungsvereinbarung vom",
       "Die Wartungsvereinbarung vom"},
      {"Kooperationsabkommen", "kündigen wir das Kooperationsabkommen vom",
       "Das Kooperationsabkommen vom"},
      {"Wartung der Serverlandschaft",
       "kündigen wir den Vertrag „Wartung der Serverlandschaft“ vom",
       "Der Vertrag „Wartung der Serverlandschaft“ vom"},
  };
  for (const Case& c : cases) {
    ForEveryRoute(Language::kDe, c, [&](const std::string& contract) {
      CHECK(Count(contract, c.title) == 1);
      // Never "Vertrag „Rahmenvertrag …“": a quoted title never names a contract itself.
      CHECK_FALSE(Has(contract, "Vertrag „Rahmenvertrag"));
      CHECK_FALSE(Has(contract, "Vertrag „Wartungsvereinbarung"));
      // No pronoun that would have to agree with the title ("ihn", "seiner").
      CHECK_FALSE(Has(contract, " ihn "));
      CHECK_FALSE(Has(contract, "seiner"));
    });
  }
  LetterRequest request = FullRequest(Language::kDe);
  CHECK(Has(SectionText(Compose(request, FullPlan()), Section::kContract),
            "Hiermit kündigen wir den Rahmenvertrag über Beratungsleistungen vom 15. Januar 2023 "
            "(Vertragsnummer RV-2023-017) gemäß § 8.2 fristgerecht zum 28. Februar 2027, "
            "hilfsweise zum nächstmöglichen Zeitpunkt."));
}

TEST_CASE("Polish bodies name the contract once, on every route") {
  const Case cases[] = {
      {"Umowa o świadczenie usług analitycznych",
       "wypowiadamy Umowę o świadczenie usług analitycznych nr",
       "Umowa o świadczenie usług analitycznych nr"},
      {"Umowa ramowa o współpracy", "wypowiadamy Umowę ramową o współpracy nr",
       "Umowa ramowa o współpracy nr"},
      {"Zlecenie stałe obsługi analitycznej",
       "wypowiadamy umowę „Zlecenie stałe obsługi analitycznej” nr",
       "Umowa „Zlecenie stałe obsługi analitycznej” nr"},
  };
  for (const Case& c : cases) {
    ForEveryRoute(Language::kPl, c, [](const std::string& contract) {
      CHECK_FALSE(Has(contract, "umowę „Umowa"));
      CHECK_FALSE(Has(contract, "Umowa „Umowa"));
    });
  }
}

TEST_CASE("English and Thai introduce a title that does not name the agreement as one") {
  struct Case {
    Language language;
    const char* title;
    const char* subject;
    const char* contract;
  };
  const Case cases[] = {
      {Language::kEn, "Website Care",
       "Termination of the agreement entitled “Website Care” (RV-2023-017)",
       "terminate the agreement entitled “Website Care” dated January 15, 2023"},
      {Language::kEn, "Master Services Agreement",
       "Termination of the Master Services Agreement (RV-2023-017)",
       "terminate the Master Services Agreement dated January 15, 2023"},
      {Language::kTh, "งานดูแลเว็บไซต์", "เรื่อง การบอกเลิกสัญญา “งานดูแลเว็บไซต์” เลขที่ RV-2023-017",
       "บริษัทฯ จึงขอบอกเลิกสัญญา “งานดูแลเว็บไซต์” เลขที่ RV-2023-017"},
      {Language::kTh, "สัญญาจ้างบริการ", "เรื่อง การบอกเลิกสัญญาจ้างบริการ เลขที่ RV-2023-017",
       "บริษัทฯ จึงขอบอกเลิกสัญญาจ้างบริการ เลขที่ RV-2023-017"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.title);
    LetterRequest request = FullRequest(c.language);
    request.contract.title = c.title;
    const Document doc = Compose(request, FullPlan());
    CHECK(testing::Spaced(doc.subject) == c.subject);
    CHECK(Has(SectionText(doc, Section::kContract), c.contract));
  }
}

}  // namespace
}  // namespace parting::compose
