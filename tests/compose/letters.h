// Requests and plans for the compose tests, built directly (no parser, no
// rules): a full letter per language, and the Composer loaded once.
#pragma once

#include <memory>
#include <string>

#include "compose/composer.h"
#include "compose/markup.h"
#include "test_support.h"

namespace parting::compose::testing {

inline Date D(const char* iso) { return *Date::FromIso(iso); }

/// Every part of the letter has input; the plan has every section.
inline LetterRequest FullRequest(Language language) {
  LetterRequest r;
  r.language = language;
  r.letter_date = D("2026-11-22");
  r.sender = Party{"Nordlicht Consulting GmbH",
                   "Jana Petersen",
                   "Geschäftsführerin",
                   {"Am Sandtorkai 12", "20457 Hamburg"},
                   "DE",
                   "jana.petersen@nordlicht.example",
                   "+49 40 1234567"};
  r.recipient = Party{
      "Müller & Söhne AG", "Thomas Müller", "", {"Leopoldstraße 5", "80802 München"}, "DE", "", "",
      FormOfAddress::kMr};
  r.contract.title = language == Language::kDe ? "Rahmenvertrag über Beratungsleistungen"
                                               : "Master Services Agreement";
  r.contract.reference = "RV-2023-017";
  r.contract.signed_on = D("2023-01-15");
  r.contract.termination_clause = "§ 8.2";
  r.contract.notice_period = Period{3, TimeUnit::kMonths};
  r.contract.notice_anchor = NoticeAnchor::kEndOfMonth;
  r.contract.currency = "EUR";
  r.termination.reasons = {"time_drain", "payment_problems"};
  r.termination.documented_situations = {
      {D("2026-09-30"), "Invoice RE-2026-0871 paid 61 days late"}};
  r.projects = {{"Website-Relaunch", "Go-live", D("2026-12-15")},
                {"Newsletter-Vorlagen", "Final templates", D("2027-01-20")}};
  r.transition.handover = {"Quelldateien und Designs", "Zugangsdaten"};
  r.transition.handover_by = D("2027-01-15");
  r.transition.contact = Contact{"Lena Vogt", "lena.vogt@nordlicht.example", ""};
  r.transition.alternatives = {{"Hafenblick Digital", "auf E-Commerce spezialisiert"}};
  r.goodwill = Goodwill{GoodwillKind::kRefundLastMonth, Amount::FromDecimal("1250.00"), "EUR",
                        "RE-2026-1102"};
  return r;
}

inline Plan FullPlan() {
  Plan plan;
  plan.letter_date = D("2026-11-22");
  plan.effective_end_date = D("2027-02-28");
  plan.earliest_lawful_date = plan.effective_end_date;
  plan.route = Route::kOrdinaryNotice;
  plan.derivation = "notice 3 months from 2026-11-22 = 2027-02-22, to end of month: 2027-02-28";
  plan.sections = {Section::kThanks,   Section::kDecision,     Section::kContract,
                   Section::kProjects, Section::kTransition,   Section::kGoodwill,
                   Section::kApology,  Section::kAlternatives, Section::kClosing};
  return plan;
}

inline std::shared_ptr<const Composer> ShippedComposer() {
  static std::shared_ptr<const Composer> composer = [] {
    auto loaded = Composer::Load(parting::testing::SourceDir() / "letter_templates");
    if (!loaded.ok()) throw std::runtime_error(loaded.status().ToString());
    return loaded.value();
  }();
  return composer;
}

/// The languages that have templates: every per-language check runs in each.
inline std::vector<Language> TemplateLanguages() {
  std::vector<Language> languages;
  for (Language language : AllLanguages())
    if (!ShippedComposer()->ReasonLabels(language).empty()) languages.push_back(language);
  return languages;
}

/// The body as plain text, blocks separated by a blank line.
inline std::string BodyText(const Document& doc) {
  std::string text;
  for (const Block& block : doc.body) text += (text.empty() ? "" : "\n\n") + PlainText(block.spans);
  return text;
}

/// Everything a reader sees, one string.
inline std::string AllText(const Document& doc) {
  std::string text = doc.subject + "\n" + doc.salutation + "\n" + doc.date_line + "\n";
  for (const auto& line : doc.recipient_lines) text += line + "\n";
  for (const auto& line : doc.reference_lines) text += line + "\n";
  return text + BodyText(doc) + "\n" + doc.closing;
}

inline Document Compose(const LetterRequest& request, const Plan& plan) {
  Result<Document> doc = ShippedComposer()->Compose(request, plan);
  if (!doc.ok()) throw std::runtime_error(doc.status().ToString());
  return doc.value();
}

/// How much longer `with` is than `without` where they differ: the length of
/// `with` less the prefix and suffix the two share.
inline size_t Added(const std::string& with, const std::string& without) {
  size_t prefix = 0;
  while (prefix < with.size() && prefix < without.size() && with[prefix] == without[prefix])
    ++prefix;
  size_t suffix = 0;
  while (suffix < with.size() - prefix && suffix < without.size() - prefix &&
         with[with.size() - 1 - suffix] == without[without.size() - 1 - suffix])
    ++suffix;
  return with.size() - prefix - suffix;
}

/// `text` with no-break spaces read as spaces: most checks are about words,
/// not about where a line may break (keep_together_test.cc checks that).
inline std::string Spaced(std::string text) {
  for (size_t at = text.find("\u00a0"); at != std::string::npos; at = text.find("\u00a0", at))
    text.replace(at, 2, " ");
  return text;
}

inline std::vector<std::string> Spaced(std::vector<std::string> lines) {
  for (std::string& line : lines) line = Spaced(line);
  return lines;
}

inline bool Has(const std::string& text, const std::string& part) {
  return Spaced(text).find(Spaced(part)) != std::string::npos;
}

/// The blocks of one letter part, in order.
inline std::vector<Block> BlocksOf(const Document& doc, Section section) {
  std::vector<Block> blocks;
  for (const Block& block : doc.body)
    if (block.section == section) blocks.push_back(block);
  return blocks;
}

/// The plain text of one letter part, blocks separated by blank lines.
inline std::string SectionText(const Document& doc, Section section) {
  std::string text;
  for (const Block& block : BlocksOf(doc, section))
    text += (text.empty() ? "" : "\n\n") + PlainText(block.spans);
  return text;
}

}  // namespace parting::compose::testing
