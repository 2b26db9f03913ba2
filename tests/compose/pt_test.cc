// The Portuguese (Brazil) letter: the template set loads and passes the
// check, the shipped sample renders every fact it gives, and each form of
// address, reason and route reads as a Brazilian business writer would sign.
#include <doctest/doctest.h>

#include <filesystem>

#include "compose/composer.h"
#include "compose/template_set.h"
#include "letters.h"
#include "locale/locale.h"
#include "parting/plan.h"
#include "parting/request.h"
#include "test_support.h"

namespace parting::compose {
namespace {

namespace fs = std::filesystem;

using testing::AllText;
using testing::BlocksOf;
using testing::BodyText;
using testing::Compose;
using testing::D;
using testing::FullPlan;
using testing::FullRequest;
using testing::Has;
using testing::SectionText;

// What must never reach a reader, whatever the input left out.
void CheckClean(const Document& doc) {
  std::string text = AllText(doc);
  CAPTURE(text);
  for (const char* bad : {"{{", "}}", "()", "( ", " )", "  ", " ,", " .", " :", " ;", ",.", "..",
                          ",,", "**", "\xEE\x80"})
    CHECK_MESSAGE(!Has(text, bad), "found '" << std::string(bad) << "'");
  for (const Block& block : doc.body) {
    CHECK_FALSE(block.spans.empty());
    for (const Span& span : block.spans) CHECK_FALSE(span.text.empty());
  }
}

// The Portuguese version of the fixture's full request: Brazilian names and
// a Portuguese agreement title, so that the sentences can be read whole.
LetterRequest FullPt() {
  LetterRequest request = FullRequest(Language::kPt);
  request.contract.title = "Contrato de Prestação de Serviços de Marketing Digital";
  request.contract.termination_clause = "cláusula 11.2";
  request.recipient.organization = "Araucária Móveis Planejados Ltda.";
  request.recipient.name = "Ricardo Almeida";
  request.recipient.form_of_address = FormOfAddress::kMr;
  return request;
}

const fs::path kSample = fs::path("letter_templates") / "pt" / "samples" / "full.json";

struct Letter {
  LetterRequest request;
  Plan plan;
  Document doc;
};

Letter FromSample() {
  std::string json = parting::testing::ReadFile(parting::testing::SourceDir() / kSample);
  Result<LetterRequest> request = ParseLetterRequest(json, D("2026-11-22"));
  REQUIRE_MESSAGE(request.ok(), request.status().ToString());
  Result<Plan> plan = MakePlan(request.value());
  REQUIRE_MESSAGE(plan.ok(), plan.status().ToString());
  return Letter{request.value(), plan.value(), Compose(request.value(), plan.value())};
}

TEST_CASE("the Portuguese templates load and pass the check on their own") {
  fs::path root = parting::testing::TempDir("compose_pt") / "letter_templates";
  fs::create_directories(root);
  fs::copy(parting::testing::SourceDir() / "letter_templates" / "pt", root / "pt",
           fs::copy_options::recursive);
  Result<TemplateSet> set = LoadTemplateSet(root / "pt", "letter_templates/pt", Language::kPt);
  REQUIRE_MESSAGE(set.ok(), set.status().ToString());
  CHECK(set.value().labels.closing == "Atenciosamente,");
  CHECK(set.value().labels.draft_mark == "MINUTA");
  auto composer = Composer::Load(root);
  REQUIRE_MESSAGE(composer.ok(), composer.status().ToString());

  // And inside the shipped set, with a label for every reason of the catalog.
  std::vector<ReasonLabel> labels = testing::ShippedComposer()->ReasonLabels(Language::kPt);
  REQUIRE(labels.size() == ReasonIds().size());
  for (size_t i = 0; i < labels.size(); ++i) {
    CAPTURE(labels[i].id);
    CHECK(labels[i].id == ReasonIds()[i]);
    CHECK_FALSE(labels[i].label.empty());
    CHECK(labels[i].label.size() < 60);  // short: a checkbox label, not a sentence
  }
}

TEST_CASE("the Brazilian sample renders every fact it gives") {
  Letter letter = FromSample();
  const Document& doc = letter.doc;
  std::string text = AllText(doc);
  CAPTURE(text);

  CHECK(letter.plan.route == Route::kOrdinaryNotice);
  CHECK(letter.plan.effective_end_date == D("2026-12-31"));
  CHECK(letter.plan.warnings.empty());

  CHECK(doc.bcp47 == "pt-BR");
  CHECK(testing::Spaced(doc.subject) ==
        "Rescisão do Contrato de Prestação de Serviços de Marketing Digital nº CPS-2022-031");
  CHECK(doc.salutation == "Prezado Sr. Ricardo Almeida,");
  CHECK(doc.closing == "Atenciosamente,");
  CHECK(doc.page_label == "Página {page} de {pages}");
  CHECK(doc.draft_mark == "MINUTA");
  CHECK(doc.date_line.starts_with("São Paulo"));
  CHECK(testing::Spaced(doc.date_line).ends_with(", 22 de novembro de 2026"));
  CHECK(doc.recipient_lines ==
        std::vector<std::string>{"Araucária Móveis Planejados Ltda.", "Sr. Ricardo Almeida",
                                 "Rua XV de Novembro, 700 – Centro", "80020-310 Curitiba – PR"});
  CHECK(testing::Spaced(doc.reference_lines) ==
        std::vector<std::string>{"Contrato: CPS-2022-031",
                                 "Data de assinatura: 14 de março de 2022"});
  CHECK(doc.signature_lines == std::vector<std::string>{"Ponte Alta Comunicação Ltda.",
                                                        "Mariana Costa Lima", "Sócia-diretora"});

  CHECK(Has(text, "Araucária Móveis Planejados Ltda."));
  CHECK(Has(text, "Ricardo Almeida"));
  CHECK(Has(text, locale::FormatDate(Language::kPt, letter.plan.effective_end_date)));
  CHECK(Has(text, "31 de dezembro de 2026"));
  CHECK(Has(text, "cláusula 11.2"));
  for (const Project& project : letter.request.projects) CHECK(Has(text, project.name));
  CHECK(Has(text, "R$\u00a04.800,00"));
  CHECK(Has(text, locale::FormatAmount(Language::kPt, *Amount::FromDecimal("4800.00"), "BRL")));
  CHECK(Has(text, "Camila Torres"));
  CHECK(Has(text, "Guanabara Digital"));
  CHECK(Has(text, "Pinhão Comunicação Integrada"));
  CheckClean(doc);

  std::string body = BodyText(doc);
  CHECK(testing::Spaced(body).starts_with("Antes de tudo, agradecemos a confiança"));
  CHECK(Has(body,
            "Pela presente, formalizamos a rescisão do Contrato de Prestação de Serviços de "
            "Marketing Digital nº CPS-2022-031, firmado em 14 de março de 2022, conforme "
            "cláusula 11.2."));
  CHECK(Has(body,
            "O contrato se encerrará em 31 de dezembro de 2026 ou, caso essa data não possa ser "
            "observada, na primeira data subsequente admitida pelo contrato."));
  CHECK(Has(body, "Dessa forma, fica cumprido o aviso prévio contratual de 30 dias."));
  CHECK(Has(body, "Mais de um fator nos levou a essa decisão."));
  CHECK(Has(body,
            "Campanha de Natal 2026: peças finais e relatório de resultados, até 18 de "
            "dezembro de 2026"));
  CHECK(Has(body, "entregaremos os seguintes itens até 30 de dezembro de 2026:"));
  CHECK(Has(body,
            "Camila Torres estará à sua disposição pelo e-mail "
            "camila.torres@pontealta.example ou pelo telefone +55 11 3254-7812."));
  CHECK(Has(body,
            "reembolsaremos o valor referente ao último mês, no total de R$\u00a04.800,00 "
            "(fatura nº 2026/1187)."));
  CHECK(Has(body, "pedimos sinceras desculpas"));

  // Every part is there, in the order of domain.md.
  std::vector<Section> order;
  for (const Block& block : doc.body)
    if (order.empty() || order.back() != block.section) order.push_back(block.section);
  CHECK(order == letter.plan.sections);
}

TEST_CASE("the modern formal register: no você, no o senhor, no V. Sa.") {
  Letter letter = FromSample();
  std::string body = BodyText(letter.doc);
  for (const char* archaic : {"você", "Você", "o senhor", "a senhora", "V. Sa.", "V.Sa.",
                              "Vossa Senhoria", "Ilmo", "vimos por meio desta"})
    CHECK_MESSAGE(!Has(body, archaic), "found '" << std::string(archaic) << "'");
}

TEST_CASE("Portuguese salutations follow the form of address") {
  struct Case {
    FormOfAddress form;
    const char* name;
    const char* salutation;
    const char* window;  // the name line of the address window ("": not checked)
  };
  const Case cases[] = {
      {FormOfAddress::kMr, "Ricardo Almeida", "Prezado Sr. Ricardo Almeida,",
       "Sr. Ricardo Almeida"},
      {FormOfAddress::kMs, "Fernanda Ribeiro da Silva", "Prezada Sra. Fernanda Ribeiro da Silva,",
       "Sra. Fernanda Ribeiro da Silva"},
      {FormOfAddress::kNeutral, "Alex Souza", "Cordiais saudações,", "Alex Souza"},
      {FormOfAddress::kMs, "Dra. Helena Martins", "Prezada Dra. Helena Martins,", ""},
      {FormOfAddress::kMr, "Dr. Paulo Nogueira", "Prezado Dr. Paulo Nogueira,", ""},
      {FormOfAddress::kNeutral, "", "Prezados Senhores,", nullptr},
      {FormOfAddress::kMs, "", "Prezados Senhores,", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    LetterRequest request = FullPt();
    request.recipient.form_of_address = c.form;
    request.recipient.name = c.name;
    Document doc = Compose(request, FullPlan());
    CHECK(doc.salutation == c.salutation);
    if (c.window && *c.window) {
      REQUIRE(doc.recipient_lines.size() > 1);
      CHECK(doc.recipient_lines[1] == c.window);
    } else if (!c.window) {
      CHECK(doc.recipient_lines[1] == "Leopoldstraße 5");
    }
    CheckClean(doc);
  }
}

TEST_CASE("every reason renders in Portuguese, one paragraph, non-empty") {
  LetterRequest request = FullPt();
  request.termination.reasons.clear();
  std::string without =
      PlainText(BlocksOf(Compose(request, FullPlan()), Section::kDecision)[0].spans);
  for (const std::string& id : ReasonIds()) {
    CAPTURE(id);
    request.termination.reasons = {id};
    Document doc = Compose(request, FullPlan());
    std::string with = PlainText(BlocksOf(doc, Section::kDecision)[0].spans);
    CHECK(testing::Added(with, without) > 60);
    CHECK_FALSE(Has(with, "Mais de um fator"));  // one reason is not "several"
    CheckClean(doc);
  }
  // All sixteen follow one another in one paragraph.
  request.termination.reasons = ReasonIds();
  Document doc = Compose(request, FullPlan());
  std::vector<Block> decision = BlocksOf(doc, Section::kDecision);
  REQUIRE(decision.size() == 3);  // the decision, the lead-in to the occasion, one occasion
  CHECK(decision[0].kind == BlockKind::kParagraph);
  CHECK(Has(PlainText(decision[0].spans), "Mais de um fator nos levou a essa decisão."));
  CheckClean(doc);
}

TEST_CASE("abuse and unethical conduct: calm, values-based, final, no apology") {
  struct Case {
    const char* reason;
    const char* named;
  };
  const Case cases[] = {
      {"abusive_to_staff", "um dos valores sobre os quais nossa empresa foi construída"},
      {"unethical_conduct", "Somos uma organização conservadora"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.reason);
    LetterRequest request = FullPt();
    request.termination.reasons = {c.reason, "time_drain"};
    Plan plan = FullPlan();
    std::erase(plan.sections, Section::kGoodwill);
    std::erase(plan.sections, Section::kApology);
    Document doc = Compose(request, plan);
    std::string body = BodyText(doc);
    CHECK(Has(body, c.named));
    CHECK(Has(body, "Esta decisão não foi tomada de forma precipitada e é definitiva."));
    CHECK_FALSE(Has(body, "não significa qualquer crítica"));
    CHECK_FALSE(Has(body, "A responsabilidade é nossa"));
    CHECK_FALSE(Has(body, "temos orgulho"));
    CHECK_FALSE(Has(body, "caminhos voltarem a se cruzar"));
    CHECK_FALSE(Has(body, "desculpa"));
    CheckClean(doc);
  }
}

TEST_CASE("termination for cause with immediate effect, in Portuguese") {
  LetterRequest request = FullPt();
  request.termination.for_cause = true;
  request.termination.reasons = {"unethical_conduct"};
  request.contract.immediate_for_cause = true;
  Plan plan = FullPlan();
  plan.route = Route::kForCause;
  plan.effective_end_date = plan.letter_date;
  std::erase(plan.sections, Section::kGoodwill);
  std::erase(plan.sections, Section::kApology);
  Document doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) ==
        "Rescisão por justa causa, com efeito imediato, do Contrato de Prestação de Serviços de "
        "Marketing Digital nº RV-2023-017");
  std::string contract = SectionText(doc, Section::kContract);
  CHECK(testing::Spaced(contract) ==
        "Pela presente, formalizamos a rescisão, por justa causa, do Contrato de Prestação de "
        "Serviços de Marketing Digital nº RV-2023-017, firmado em 15 de janeiro de 2023, conforme "
        "cláusula 11.2, com efeito imediato a partir do recebimento desta carta. "
        "Subsidiariamente, caso a rescisão por justa causa não prevaleça, esta carta vale como "
        "denúncia do contrato, com efeito na primeira data em que a rescisão seja "
        "contratualmente admitida.");
  CHECK_FALSE(Has(contract, "aviso prévio"));
  CheckClean(doc);

  // Without the optional facts, the sentence still stands.
  request.contract = Contract{};
  request.contract.immediate_for_cause = true;
  doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) ==
        "Rescisão por justa causa, com efeito imediato, do nosso contrato");
  request.options.fallback_clause = false;
  doc = Compose(request, plan);
  CHECK(testing::Spaced(SectionText(doc, Section::kContract)) ==
        "Pela presente, formalizamos a rescisão, por justa causa, do nosso contrato, com efeito "
        "imediato a partir do recebimento desta carta.");
  CheckClean(doc);
}

TEST_CASE("for cause with notice names the cause and keeps the notice") {
  LetterRequest request = FullPt();
  request.termination.for_cause = true;
  Document doc = Compose(request, FullPlan());
  std::string contract = SectionText(doc, Section::kContract);
  CHECK(Has(contract, "formalizamos a rescisão, por justa causa, do Contrato de Prestação"));
  CHECK(Has(contract, "aviso prévio contratual de 3 meses"));
  CheckClean(doc);
}

TEST_CASE("a term that ends without renewal is confirmed, not cut short") {
  LetterRequest request = FullPt();
  request.contract.term_end = D("2026-12-31");
  Plan plan = FullPlan();
  plan.route = Route::kEndOfTerm;
  plan.effective_end_date = D("2026-12-31");
  plan.ends_at_term_end = true;
  plan.confirms_non_renewal = true;
  Document doc = Compose(request, plan);
  CHECK(testing::Spaced(doc.subject) ==
        "Não renovação do Contrato de Prestação de Serviços de Marketing Digital nº RV-2023-017");
  std::string contract = SectionText(doc, Section::kContract);
  CHECK(Has(contract,
            "firmado em 15 de janeiro de 2023, se encerra ao término de sua vigência "
            "atual, em 31 de dezembro de 2026."));
  CHECK(Has(contract,
            "o contrato não será renovado após essa data e, por cautela, formalizamos "
            "desde já, conforme cláusula 11.2, a sua rescisão com efeito nessa mesma data ou, "
            "caso essa data não possa ser observada, na primeira data subsequente admitida pelo "
            "contrato."));
  CheckClean(doc);

  plan.confirms_non_renewal = false;
  contract = SectionText(Compose(request, plan), Section::kContract);
  CHECK(Has(contract,
            "O contrato se encerrará em 31 de dezembro de 2026, ao término de sua "
            "vigência ou, caso"));
}

TEST_CASE("each kind of goodwill names its amount and invoice in reais") {
  struct Case {
    GoodwillKind kind;
    const char* words;
  };
  const Case cases[] = {
      {GoodwillKind::kRefundLastMonth,
       "reembolsaremos o valor referente ao último mês, no total de R$\u00a04.800,00 (fatura nº "
       "RE-2026-1102)."},
      {GoodwillKind::kCancelLastInvoice,
       "cancelaremos nossa última fatura, nº RE-2026-1102, no valor de R$\u00a04.800,00; nenhum "
       "pagamento será devido."},
      {GoodwillKind::kWaiveFee,
       "dispensaremos a cobrança da taxa de R$\u00a04.800,00 que seria devida conforme a fatura "
       "nº RE-2026-1102."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.words);
    LetterRequest request = FullPt();
    request.goodwill = Goodwill{c.kind, Amount::FromDecimal("4800.00"), "BRL", "RE-2026-1102"};
    Document doc = Compose(request, FullPlan());
    std::string text = SectionText(doc, Section::kGoodwill);
    CHECK(Has(text, c.words));
    CheckClean(doc);

    request.goodwill.amount.reset();
    request.goodwill.invoice.clear();
    doc = Compose(request, FullPlan());
    CHECK_FALSE(Has(SectionText(doc, Section::kGoodwill), "R$"));
    CheckClean(doc);
  }
}

TEST_CASE("a Portuguese letter with only the bare facts stays clean") {
  LetterRequest request = FullPt();
  request.contract = Contract{};
  request.recipient.organization.clear();
  request.recipient.name.clear();
  request.termination.reasons.clear();
  request.termination.documented_situations.clear();
  request.projects = {{"Campanha de Natal 2026", "", std::nullopt}};
  request.transition.handover.clear();
  request.transition.contact = Contact{"", "", "+55 11 3254-7812"};
  request.transition.alternatives = {{"Guanabara Digital", ""}};
  request.goodwill = Goodwill{};
  Document doc = Compose(request, FullPlan());
  std::string body = BodyText(doc);
  CAPTURE(body);
  CHECK(doc.salutation == "Prezados Senhores,");
  CHECK(testing::Spaced(doc.subject) == "Rescisão do nosso contrato");
  CHECK(
      Has(body, "Concluiremos, conforme combinado e com o cuidado de sempre, o seguinte projeto:"));
  CHECK(Has(body, "concluiremos a entrega de todo o material até 15 de janeiro de 2027."));
  CHECK(Has(body, "estamos à disposição pelo telefone +55 11 3254-7812."));
  CHECK(Has(body, "indicar uma empresa que"));
  CHECK_FALSE(Has(body, "Mais de um fator"));
  CHECK_FALSE(Has(body, "nº"));
  CheckClean(doc);
}

TEST_CASE("a feminine contract title reads right: quoted after 'do contrato'") {
  LetterRequest request = FullPt();
  request.contract.title = "Ordem de Serviço de Manutenção";
  Document doc = Compose(request, FullPlan());
  CHECK(testing::Spaced(doc.subject) ==
        "Rescisão do contrato “Ordem de Serviço de Manutenção” nº RV-2023-017");
  std::string contract = SectionText(doc, Section::kContract);
  CHECK(Has(contract, "formalizamos a rescisão do contrato “Ordem de Serviço de Manutenção”"));
  for (const char* wrong : {"do Ordem", "O Ordem", "da Ordem"}) CHECK_FALSE(Has(contract, wrong));

  Plan plan = FullPlan();
  plan.route = Route::kEndOfTerm;
  plan.ends_at_term_end = true;
  plan.confirms_non_renewal = true;
  request.contract.term_end = D("2027-02-28");
  request.contract.title = "Proposta Comercial 2024";
  contract = SectionText(Compose(request, plan), Section::kContract);
  CHECK(testing::Spaced(contract).starts_with(
      "O contrato “Proposta Comercial 2024” nº RV-2023-017, firmado em"));
  // A title that names the contract follows "do" and "O" as it is.
  request.contract.title = "Acordo de Nível de Serviço";
  contract = SectionText(Compose(request, plan), Section::kContract);
  CHECK(testing::Spaced(contract).starts_with("O Acordo de Nível de Serviço nº RV-2023-017"));
}

}  // namespace
}  // namespace parting::compose
