// The changes page of a redline. Its headings and phrases live here, per
// language; dates and amounts are formatted by the locale stage, letter parts
// named as on the review page (compose/review.h), warnings in the words the
// plan gives them.
#include "compose/changes.h"

#include <algorithm>
#include <iterator>
#include <optional>

#include "compose/review.h"
#include "locale/locale.h"
#include "parting/language.h"

namespace parting::compose {
namespace {

struct ChangeWords {
  const char* title;
  const char* marking_label;
  const char* marking_text;
  const char* no_changes_label;
  const char* no_changes_text;
  const char* effective_end;
  const char* receive_by;
  const char* letter_date;
  const char* goodwill;
  const char* none;  ///< an amount that is not there
  const char* was;   ///< before the earlier value
  const char* now;   ///< between the earlier and the current value
  const char* wording_label;
  const char* words_inserted;  ///< "…: " before the number
  const char* words_deleted;   ///< "; …: " before the number
  const char* words_after;     ///< after each number (Thai: " คำ")
  const char* wording_unchanged;
  const char* parts_title;
  const char* part_added;
  const char* part_removed;
  const char* warning_new;
  const char* warning_gone;
  const char* warning_changed;  ///< the same warning, now with other facts
  const char* parts_unchanged;
  // The parts outside the body, listed with their earlier and current text.
  const char* sender;        ///< letterhead and return address
  const char* recipient;     ///< the address block
  const char* references;    ///< the reference lines
  const char* place_date;    ///< the date line, when more than its date changed
  const char* signature;     ///< the signer's block
  const char* legal_footer;  ///< the sender's legal identity in the footer
};

const ChangeWords& WordsFor(Language language) {
  static const ChangeWords kEn{
      "Changes since the earlier draft",
      "How changes are marked",
      "In the letter that follows, inserted words are underlined in blue and deleted words are "
      "struck through in red where they stood.",
      "No changes",
      "Both drafts produce the same letter: the same wording, dates and amounts.",
      "Effective end date",
      "Receive by (latest day of receipt)",
      "Letter date",
      "Goodwill amount",
      "none",
      "was ",
      "; now ",
      "Wording",
      "Words inserted: ",
      "; words deleted: ",
      "",
      "unchanged",
      "Letter parts and warnings",
      "Part added: ",
      "Part removed: ",
      "New warning: ",
      "Warning no longer raised: ",
      "Warning changed: ",
      "No part of the letter was added or removed, and the warnings are the same.",
      "Sender",
      "Recipient",
      "Reference lines",
      "Place and date",
      "Signature block",
      "Company details in the footer"};
  static const ChangeWords kDe{
      "Änderungen gegenüber dem früheren Entwurf",
      "Kennzeichnung",
      "Im nachfolgenden Schreiben sind eingefügte Wörter blau unterstrichen; entfallene Wörter "
      "stehen rot durchgestrichen an ihrer bisherigen Stelle.",
      "Keine Änderungen",
      "Beide Entwürfe ergeben dasselbe Schreiben: gleicher Wortlaut, gleiche Daten, gleiche "
      "Beträge.",
      "Vertragsende",
      "Zugang spätestens am",
      "Datum des Schreibens",
      "Betrag des Entgegenkommens",
      "keiner",
      "bisher ",
      "; neu ",
      "Wortlaut",
      "Eingefügte Wörter: ",
      "; entfallene Wörter: ",
      "",
      "unverändert",
      "Teile des Schreibens und Prüfhinweise",
      "Teil hinzugekommen: ",
      "Teil entfallen: ",
      "Neuer Prüfhinweis: ",
      "Prüfhinweis entfallen: ",
      "Prüfhinweis geändert: ",
      "Kein Teil des Schreibens ist hinzugekommen oder entfallen; die Prüfhinweise sind "
      "unverändert.",
      "Absender",
      "Empfänger",
      "Bezugsangaben",
      "Ort und Datum",
      "Unterschriftsblock",
      "Pflichtangaben in der Fußzeile"};
  static const ChangeWords kPt{
      "Alterações em relação à minuta anterior",
      "Como as alterações aparecem",
      "Na carta a seguir, as palavras incluídas estão sublinhadas em azul e as suprimidas "
      "aparecem riscadas em vermelho, no lugar em que estavam.",
      "Nenhuma alteração",
      "As duas minutas resultam na mesma carta: mesma redação, mesmas datas e mesmos valores.",
      "Data de encerramento",
      "Recebimento até (último dia)",
      "Data da carta",
      "Valor do gesto de boa vontade",
      "nenhum",
      "antes ",
      "; agora ",
      "Redação",
      "Palavras incluídas: ",
      "; palavras suprimidas: ",
      "",
      "sem alteração",
      "Partes da carta e pontos de atenção",
      "Parte incluída: ",
      "Parte suprimida: ",
      "Novo ponto de atenção: ",
      "Ponto de atenção superado: ",
      "Ponto de atenção alterado: ",
      "Nenhuma parte da carta foi incluída ou suprimida, e os pontos de atenção são os mesmos.",
      "Remetente",
      "Destinatário",
      "Referências",
      "Local e data",
      "Bloco de assinatura",
      "Dados da empresa no rodapé"};
  static const ChangeWords kPl{
      "Zmiany w stosunku do poprzedniego projektu",
      "Oznaczenie zmian",
      "W piśmie poniżej wyrazy dodane są podkreślone na niebiesko, a wyrazy usunięte "
      "przekreślone na czerwono w miejscu, w którym się znajdowały.",
      "Brak zmian",
      "Oba projekty dają to samo pismo: tę samą treść, te same daty i kwoty.",
      "Data rozwiązania umowy",
      "Doręczenie najpóźniej",
      "Data pisma",
      "Kwota gestu dobrej woli",
      "brak",
      "dotychczas ",
      "; obecnie ",
      "Treść",
      "Wyrazy dodane: ",
      "; wyrazy usunięte: ",
      "",
      "bez zmian",
      "Części pisma i kwestie do sprawdzenia",
      "Dodana część: ",
      "Usunięta część: ",
      "Nowa kwestia do sprawdzenia: ",
      "Nieaktualna kwestia do sprawdzenia: ",
      "Zmieniona kwestia do sprawdzenia: ",
      "Żadnej części pisma nie dodano ani nie usunięto, a kwestie do sprawdzenia pozostały te "
      "same.",
      "Nadawca",
      "Adresat",
      "Oznaczenia pisma",
      "Miejscowość i data",
      "Podpis",
      "Dane spółki w stopce"};
  static const ChangeWords kTh{
      "การเปลี่ยนแปลงจากร่างฉบับก่อน",
      "วิธีแสดงการเปลี่ยนแปลง",
      "ในหนังสือที่ตามมา คำที่เพิ่มขึ้นขีดเส้นใต้ด้วยสีน้ำเงิน ส่วนคำที่ตัดออกขีดฆ่าด้วยสีแดงไว้ในตำแหน่งเดิม",
      "ไม่มีการเปลี่ยนแปลง",
      "ร่างทั้งสองฉบับให้หนังสือฉบับเดียวกัน ทั้งถ้อยคำ วันที่ และจำนวนเงิน",
      "วันที่สัญญาสิ้นสุด",
      "ต้องได้รับหนังสือภายในวันที่",
      "วันที่ของหนังสือ",
      "จำนวนเงินเพื่อแสดงน้ำใจ",
      "ไม่มี",
      "เดิม ",
      " เปลี่ยนเป็น ",
      "ถ้อยคำ",
      "คำที่เพิ่ม ",
      " คำที่ตัดออก ",
      " คำ",
      "ไม่เปลี่ยนแปลง",
      "ส่วนของหนังสือและประเด็นที่ควรตรวจสอบ",
      "ส่วนที่เพิ่มขึ้น: ",
      "ส่วนที่ตัดออก: ",
      "ประเด็นที่ควรตรวจสอบใหม่: ",
      "ประเด็นที่ไม่ต้องตรวจสอบแล้ว: ",
      "ประเด็นที่ควรตรวจสอบซึ่งเปลี่ยนไป: ",
      "ไม่มีส่วนใดของหนังสือเพิ่มขึ้นหรือถูกตัดออก และประเด็นที่ควรตรวจสอบยังคงเดิม",
      "ผู้ส่ง",
      "ผู้รับ",
      "ข้อมูลอ้างอิง",
      "สถานที่และวันที่",
      "ส่วนลงนาม",
      "ข้อมูลบริษัทท้ายหน้ากระดาษ"};
  // In the order of kLanguages (parting/language.h).
  static const ChangeWords* const kByLanguage[] = {&kEn, &kDe, &kPt, &kPl, &kTh};
  static_assert(std::size(kByLanguage) == kLanguages.size());
  return *kByLanguage[LanguageIndex(language)];
}

std::optional<std::string> Goodwill(Language language, const LetterRequest& request) {
  if (!request.goodwill.amount) return std::nullopt;
  const std::string& currency =
      request.goodwill.currency.empty() ? request.contract.currency : request.goodwill.currency;
  return locale::FormatAmount(language, *request.goodwill.amount, currency);
}

// Lines as one: "Müller & Söhne AG, Herrn Thomas Müller, Leopoldstraße 5".
std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    if (!out.empty()) out += ", ";
    out += line;
  }
  return out;
}

// The letterhead and the return address in the window: who sends.
std::vector<std::string> SenderLines(const Document& doc) {
  std::vector<std::string> lines = {doc.sender_organization};
  lines.insert(lines.end(), doc.sender_lines.begin(), doc.sender_lines.end());
  lines.push_back(doc.return_address);
  return lines;
}

bool SameWarning(const Warning& a, const Warning& b) {
  return a.code == b.code && a.pointer == b.pointer;
}

}  // namespace

Review BuildChanges(const DraftFacts& before, const DraftFacts& after, RedlineCounts counts) {
  const Language language = after.request.language;
  const ChangeWords& words = WordsFor(language);
  Review review;
  review.title = words.title;
  // "was …; now …": the fonts have no arrow, and words read better.
  auto change = [&](const std::string& was, const std::string& is) {
    return words.was + was + words.now + is;
  };
  auto date_fact = [&](const char* label, Date was, Date is) {
    if (was == is) return;
    review.facts.push_back(
        {label, change(locale::FormatDate(language, was), locale::FormatDate(language, is))});
  };
  date_fact(words.effective_end, before.plan.effective_end_date, after.plan.effective_end_date);
  date_fact(words.receive_by, before.plan.receive_by, after.plan.receive_by);
  date_fact(words.letter_date, before.plan.letter_date, after.plan.letter_date);
  // The parts a reader sees outside the body, where the redline marks
  // nothing: their earlier and current text, lines joined.
  auto lines_fact = [&](const char* label, const std::vector<std::string>& was,
                        const std::vector<std::string>& is) {
    if (was == is) return;
    const std::string joined_was = Joined(was), joined_is = Joined(is);
    review.facts.push_back({label, change(joined_was.empty() ? words.none : joined_was,
                                          joined_is.empty() ? words.none : joined_is)});
  };
  const Document& d0 = before.document;
  const Document& d1 = after.document;
  lines_fact(words.sender, SenderLines(d0), SenderLines(d1));
  lines_fact(words.recipient, d0.recipient_lines, d1.recipient_lines);
  lines_fact(words.references, d0.reference_lines, d1.reference_lines);
  // A date line whose date alone changed is the letter date's fact already.
  if (d0.date_line != d1.date_line && before.plan.letter_date == after.plan.letter_date)
    lines_fact(words.place_date, {d0.date_line}, {d1.date_line});
  lines_fact(words.signature, d0.signature_lines, d1.signature_lines);
  lines_fact(words.legal_footer, d0.legal_footer, d1.legal_footer);
  const auto goodwill_was = Goodwill(language, before.request);
  const auto goodwill_is = Goodwill(language, after.request);
  if (goodwill_was != goodwill_is)
    review.facts.push_back({words.goodwill, change(goodwill_was.value_or(words.none),
                                                   goodwill_is.value_or(words.none))});

  std::vector<std::string> parts;
  for (Section section : after.plan.sections)
    if (std::find(before.plan.sections.begin(), before.plan.sections.end(), section) ==
        before.plan.sections.end())
      parts.push_back(words.part_added + std::string(SectionTitle(language, section)));
  for (Section section : before.plan.sections)
    if (std::find(after.plan.sections.begin(), after.plan.sections.end(), section) ==
        after.plan.sections.end())
      parts.push_back(words.part_removed + std::string(SectionTitle(language, section)));
  auto find = [](const std::vector<Warning>& list, const Warning& w) {
    return std::find_if(list.begin(), list.end(),
                        [&](const Warning& other) { return SameWarning(other, w); });
  };
  auto in = [&](const std::vector<Warning>& list, const Warning& w) {
    return find(list, w) != list.end();
  };
  for (const Warning& w : after.plan.warnings) {
    const auto earlier = find(before.plan.warnings, w);
    if (earlier == before.plan.warnings.end())
      parts.push_back(words.warning_new + w.text);
    else if (earlier->text != w.text)  // the same concern, with other dates or names
      parts.push_back(words.warning_changed + w.text);
  }
  for (const Warning& w : before.plan.warnings)
    if (!in(after.plan.warnings, w)) parts.push_back(words.warning_gone + w.text);

  const bool wording_changed = counts.inserted > 0 || counts.deleted > 0;
  if (review.facts.empty() && parts.empty() && !wording_changed) {
    review.facts.push_back({words.no_changes_label, words.no_changes_text});
    return review;
  }
  review.facts.push_back({words.wording_label,
                          wording_changed ? words.words_inserted + std::to_string(counts.inserted) +
                                                words.words_after + words.words_deleted +
                                                std::to_string(counts.deleted) + words.words_after
                                          : std::string(words.wording_unchanged)});
  if (wording_changed) review.facts.push_back({words.marking_label, words.marking_text});
  review.warnings_title = words.parts_title;
  if (parts.empty()) parts.push_back(words.parts_unchanged);
  review.warnings = std::move(parts);
  return review;
}

}  // namespace parting::compose
