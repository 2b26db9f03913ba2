// The review page of a draft, in the letter's language throughout: the
// receipt deadline first, then the dates and how they were derived, the
// letter's parts by their names, every warning in words (no codes, no JSON
// pointers), the template version and the request's fingerprint.
//
// The headings that labels.json gives (letter_templates/<lang>/labels.json,
// "review") are used as they are; the few this page adds for the receipt and
// the letter parts live here, per language.
#include "compose/review.h"

#include <array>
#include <iterator>

#include "locale/locale.h"
#include "parting/fingerprint.h"
#include "parting/language.h"

namespace parting::compose {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string DateFact(Language language, Date date) {
  return locale::FormatDate(language, date) + " (" + date.ToIso() + ")";
}

/// What this page adds to the labels of labels.json, in one language.
struct PageWords {
  const char* receive_by;               ///< the heading of the receipt deadline
  const char* receive_by_derivation;    ///< how it follows
  const char* receipt_date;             ///< the day notice counts from
  const char* receipt_assumed;          ///< said when the request gives no receipt date
  std::array<const char*, 9> sections;  ///< the letter parts, in Section order
};

const PageWords& WordsFor(Language language) {
  static const PageWords kEn{
      "Receive by (latest day of receipt)",
      "How the receipt deadline follows",
      "Notice counts from (receipt)",
      "the letter date, as no receipt date was given",
      {"Thanks", "Decision and reasons", "Contract basis", "Current projects", "Hand-over",
       "Goodwill", "Apology", "Alternative providers", "Closing"}};
  static const PageWords kDe{
      "Zugang spätestens am",
      "Herleitung der Zugangsfrist",
      "Fristbeginn (Zugang)",
      "Datum des Schreibens, da kein Zugangsdatum angegeben ist",
      {"Dank", "Entscheidung und Gründe", "Vertragsgrundlage", "Laufende Projekte", "Übergabe",
       "Entgegenkommen", "Entschuldigung", "Alternative Anbieter", "Schluss"}};
  static const PageWords kPt{
      "Recebimento até (último dia)",
      "Como se chega ao prazo de recebimento",
      "Início da contagem (recebimento)",
      "a data da carta, pois não foi informada a data de recebimento",
      {"Agradecimento", "Decisão e motivos", "Base contratual", "Projetos em andamento",
       "Transição", "Gesto de boa vontade", "Pedido de desculpas", "Alternativas", "Encerramento"}};
  static const PageWords kPl{
      "Doręczenie najpóźniej",
      "Wyliczenie terminu doręczenia",
      "Początek biegu terminu (doręczenie)",
      "data pisma, gdyż nie podano daty doręczenia",
      {"Podziękowanie", "Decyzja i jej przyczyny", "Podstawa umowna", "Bieżące projekty",
       "Przekazanie", "Gest dobrej woli", "Przeprosiny", "Inni usługodawcy", "Zakończenie"}};
  static const PageWords kTh{
      "ต้องได้รับหนังสือภายในวันที่",
      "ที่มาของกำหนดวันรับหนังสือ",
      "เริ่มนับระยะเวลาจากวันที่ได้รับหนังสือ",
      "ถือวันที่ของหนังสือ เนื่องจากไม่ได้ระบุวันที่ได้รับหนังสือ",
      {"คำขอบคุณ", "การตัดสินใจและเหตุผล", "ข้อสัญญา", "โครงการที่ดำเนินอยู่", "การส่งมอบงาน",
       "ข้อเสนอเพื่อแสดงน้ำใจ", "คำขออภัย", "ผู้ให้บริการรายอื่น", "คำลงท้าย"}};
  // In the order of kLanguages (parting/language.h).
  static const PageWords* const kByLanguage[] = {&kEn, &kDe, &kPt, &kPl, &kTh};
  static_assert(std::size(kByLanguage) == kLanguages.size());
  return *kByLanguage[LanguageIndex(language)];
}

/// The first letter capital, as a table cell starts (ASCII only: the texts
/// that start otherwise are written that way on purpose).
std::string Capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z')
    text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

/// A warning as a sentence: capitalized and with a full stop, except in
/// Thai, which ends a statement without one.
std::string Sentence(Language language, std::string text) {
  text = Capitalized(std::move(text));
  if (text.empty()) return text;
  const char last = text.back();
  if (InfoOf(language).full_stop && last != '.' && last != '!' && last != '?') text += '.';
  return text;
}

}  // namespace

std::string_view SectionTitle(Language language, Section section) {
  return WordsFor(language).sections[static_cast<size_t>(section)];
}

Section SectionForPointer(const std::string& p) {
  if (StartsWith(p, "/projects")) return Section::kProjects;
  if (StartsWith(p, "/transition/alternatives")) return Section::kAlternatives;
  if (StartsWith(p, "/transition")) return Section::kTransition;
  if (StartsWith(p, "/goodwill")) return Section::kGoodwill;
  if (StartsWith(p, "/options/apology")) return Section::kApology;
  if (StartsWith(p, "/termination/requested_end_date")) return Section::kContract;
  if (StartsWith(p, "/termination/receipt_date")) return Section::kContract;
  if (StartsWith(p, "/termination")) return Section::kDecision;
  if (StartsWith(p, "/contract")) return Section::kContract;
  return Section::kThanks;
}

Review BuildReview(const LetterRequest& request, const Plan& plan, const TemplateSet& set) {
  const auto& label = set.labels.review;
  const Language language = request.language;
  const PageWords& words = WordsFor(language);
  auto route_name = [&](Route route) {
    return label.at("routes." + std::string(RouteName(route)));
  };
  Review review;
  review.title = label.at("title");
  // The sender plans the dispatch around this date: it comes first.
  review.facts.push_back({words.receive_by, DateFact(language, plan.receive_by)});
  review.facts.push_back({words.receive_by_derivation, Capitalized(plan.receive_by_text)});
  review.facts.push_back(
      {words.receipt_date,
       DateFact(language, plan.receipt_date) +
           (request.termination.receipt_date ? "" : " – " + std::string(words.receipt_assumed))});
  review.facts.push_back({label.at("letter_date"), DateFact(language, plan.letter_date)});
  review.facts.push_back(
      {label.at("effective_end_date"), DateFact(language, plan.effective_end_date)});
  review.facts.push_back({label.at("route"), route_name(plan.route)});
  review.facts.push_back({label.at("derivation"), Capitalized(plan.derivation_text)});
  for (const RouteOption& option : plan.options) {
    if (option.route == plan.route && option.date == plan.effective_end_date) continue;
    review.facts.push_back(
        {label.at("other_routes"), route_name(option.route) + ": " +
                                       locale::FormatDate(language, option.date) + " — " +
                                       option.derivation_text});
  }
  for (const std::string& note : plan.notes_text)
    review.facts.push_back({label.at("notes"), Sentence(language, note)});
  std::vector<std::string> parts;
  for (Section section : plan.sections) parts.emplace_back(SectionTitle(language, section));
  review.facts.push_back({label.at("sections"), locale::FormatList(language, parts)});
  review.facts.push_back({label.at("template_version"), set.version});
  // In four groups of sixteen digits: easier to compare by eye, and it wraps.
  std::string fingerprint = Fingerprint(request);
  for (size_t at = 48; at > 0; at -= 16) fingerprint.insert(at, " ");
  review.facts.push_back({label.at("fingerprint"), fingerprint});

  review.warnings_title = label.at("warnings");
  review.note_title = label.at("note_title");
  for (const Warning& warning : plan.warnings) {
    const std::string line = Sentence(language, warning.text);
    review.warnings.push_back(line);
    review.notes.push_back({SectionForPointer(warning.pointer), line});
  }
  if (review.warnings.empty()) review.warnings.push_back(label.at("no_warnings"));
  return review;
}

}  // namespace parting::compose
