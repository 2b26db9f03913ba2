// The footer with the sender's legal identity: each language's labels and
// order, only what the request gives (issue 8.7).
#include "compose/legal_footer.h"

#include <doctest/doctest.h>

#include "letters.h"

namespace parting::compose {
namespace {

using testing::Compose;
using testing::FullPlan;
using testing::FullRequest;

LegalIdentity FullLegal() {
  LegalIdentity legal;
  legal.legal_form = "GmbH";
  legal.seat = "Hamburg";
  legal.register_court = "Amtsgericht Hamburg";
  legal.register_number = "HRB 123456";
  legal.managing_directors = {"Jana Petersen", "Ole Brandt"};
  legal.vat_id = "DE123456789";
  legal.share_capital = ShareCapital{*Amount::FromDecimal("25000.00"), "EUR"};
  return legal;
}

std::vector<std::string> FooterOf(LetterRequest request) {
  return Compose(request, FullPlan()).legal_footer;
}

TEST_CASE("a German footer follows § 35a GmbHG: seat, register court and number, directors") {
  LetterRequest request = FullRequest(Language::kDe);
  request.sender.legal = FullLegal();
  CHECK(FooterOf(request) == std::vector<std::string>{
                                 "Nordlicht Consulting GmbH",
                                 "Sitz der Gesellschaft: Hamburg",
                                 "Registergericht: Amtsgericht Hamburg, HRB 123456",
                                 "Geschäftsführung: Jana Petersen, Ole Brandt",
                                 "USt-IdNr.: DE123456789",
                                 "Stammkapital: 25.000,00\u00a0€",
                             });
}

TEST_CASE("a Polish footer follows art. 206 KSH: registry court, KRS, NIP, share capital") {
  LetterRequest request = FullRequest(Language::kPl);
  request.sender.organization = "Analityka Wisła sp. z o.o.";
  LegalIdentity legal;
  legal.legal_form = "sp. z o.o.";
  legal.seat = "Warszawa";
  legal.register_court = "Sąd Rejonowy dla m.st. Warszawy w Warszawie, XII Wydział Gospodarczy KRS";
  legal.register_number = "0000123456";
  legal.tax_id = "NIP 5250001009";
  legal.share_capital = ShareCapital{*Amount::FromDecimal("50000"), "PLN"};
  request.sender.legal = legal;
  const std::vector<std::string> footer = FooterOf(request);
  REQUIRE(footer.size() == 6);
  CHECK(footer[0] == "Analityka Wisła sp. z o.o.");
  CHECK(footer[1] == "Siedziba: Warszawa");
  CHECK(footer[2] ==
        "Sąd rejestrowy: Sąd Rejonowy dla m.st. Warszawy w Warszawie, XII Wydział Gospodarczy KRS");
  CHECK(footer[3] == "KRS: 0000123456");
  CHECK(footer[4] == "NIP 5250001009");  // the value names itself: no "NIP: NIP"
  CHECK(footer[5].starts_with("Kapitał zakładowy: 50"));
  CHECK(footer[5].ends_with("zł"));
}

TEST_CASE("a Polish firm writes its VAT number as its NIP, once") {
  LetterRequest request = FullRequest(Language::kPl);
  request.sender.organization = "Analityka Wisła sp. z o.o.";
  LegalIdentity legal;
  legal.tax_id = "525-000-10-09";
  legal.vat_id = "PL5250001009";  // the same number, as the EU knows it
  request.sender.legal = legal;
  CHECK(FooterOf(request) ==
        std::vector<std::string>{"Analityka Wisła sp. z o.o.", "NIP: 525-000-10-09"});
  legal.tax_id.clear();  // only the EU form: "NIP: PL…", never "NIP UE"
  request.sender.legal = legal;
  CHECK(FooterOf(request) ==
        std::vector<std::string>{"Analityka Wisła sp. z o.o.", "NIP: PL5250001009"});
}

TEST_CASE("a Brazilian footer: CNPJ, Inscrição Estadual, Junta Comercial and NIRE") {
  LetterRequest request = FullRequest(Language::kPt);
  request.sender.organization = "Ponte Alta Comunicação Ltda.";
  LegalIdentity legal;
  legal.seat = "São Paulo – SP";
  legal.register_court = "JUCESP";
  legal.register_number = "35.2.1234567-8";
  legal.tax_id = "12.345.678/0001-90";
  legal.vat_id = "110.042.490.114";  // the state registration for ICMS
  request.sender.legal = legal;
  CHECK(FooterOf(request) == std::vector<std::string>{
                                 "Ponte Alta Comunicação Ltda.",
                                 "Sede: São Paulo – SP",
                                 "Junta Comercial: JUCESP",
                                 "NIRE: 35.2.1234567-8",
                                 "Inscrição Estadual: 110.042.490.114",
                                 "CNPJ: 12.345.678/0001-90",
                             });
}

TEST_CASE("a Thai footer: the juristic person's number and the tax number, each labelled") {
  LetterRequest request = FullRequest(Language::kTh);
  request.sender.organization = "บริษัท ฟ้าใส ดิจิทัล จำกัด";
  LegalIdentity legal;
  legal.seat = "กรุงเทพมหานคร";
  legal.register_number = "0105556123456";
  legal.tax_id = "0105556123456";
  legal.vat_id = "0105556123456";  // the VAT registration is the same 13 digits
  request.sender.legal = legal;
  CHECK(FooterOf(request) == std::vector<std::string>{
                                 "บริษัท ฟ้าใส ดิจิทัล จำกัด",
                                 "สำนักงานใหญ่ กรุงเทพมหานคร",
                                 "เลขทะเบียนนิติบุคคล 0105556123456",
                                 "เลขประจำตัวผู้เสียภาษีอากร 0105556123456",
                             });
}

TEST_CASE("the legal form is named when the company's name does not carry it") {
  LetterRequest request = FullRequest(Language::kEn);
  request.sender.organization = "Harbor Analytics";
  LegalIdentity legal;
  legal.legal_form = "LLC";
  legal.tax_id = "EIN 12-3456789";
  request.sender.legal = legal;
  CHECK(FooterOf(request) ==
        std::vector<std::string>{"Harbor Analytics", "Legal form: LLC", "Tax ID: EIN 12-3456789"});
}

TEST_CASE("every language labels every field, and nothing is printed that is not given") {
  for (Language language : testing::TemplateLanguages()) {
    CAPTURE(LanguageCode(language));
    LetterRequest request = FullRequest(language);
    CHECK(FooterOf(request).empty());
    LegalIdentity legal = FullLegal();
    legal.tax_id = "12/345/67890";
    request.sender.organization = "Nordlicht Consulting";
    request.sender.legal = legal;
    const std::vector<std::string> footer = FooterOf(request);
    // Name, form, seat, court (with the number, or the number on its own),
    // directors, VAT, tax, capital.
    CHECK(footer.size() >= 8);
    std::string all;
    for (const std::string& piece : footer) all += piece + "|";
    for (const char* given : {"Nordlicht Consulting|", "GmbH", "Hamburg|", "Amtsgericht Hamburg",
                              "HRB 123456", "Ole Brandt", "DE123456789", "12/345/67890", "25"})
      CHECK_MESSAGE(all.find(given) != std::string::npos, given);
    for (const std::string& piece : footer) {
      CAPTURE(piece);
      CHECK_FALSE(piece.empty());
      CHECK(piece.find("  ") == std::string::npos);
    }
    request.sender.legal = LegalIdentity{};
    request.sender.legal->seat = "Hamburg";
    CHECK(FooterOf(request).size() == 2);  // the company and its seat
  }
}

}  // namespace
}  // namespace parting::compose
