// The plan's words in Polish, as a Polish lawyer reviewing the letter reads
// them. Dates in running text carry "r." (28 lutego 2027 r.), which the
// locale's date format adds.
#include "rules/words.h"

namespace parting::rules {

const Patterns& PolishPatterns() {
  static const Patterns patterns = {
      {"notice", "okres wypowiedzenia ({0}) liczony od {1} upływa {2}"},
      {"notice_receipt", "okres wypowiedzenia ({0}) liczony od doręczenia {1} upływa {2}"},
      {"notice_none", "nie podano okresu wypowiedzenia; dzień odniesienia: {0}"},
      {"notice_none_receipt",
       "nie podano okresu wypowiedzenia; dzień odniesienia: doręczenie {0}"},
      {"to_month_end", "{0}; na koniec miesiąca: {1}"},
      {"to_quarter_end", "{0}; na koniec kwartału: {1}"},
      {"term_fits", "umowa obowiązuje do {0}; {1}, a więc przed tym dniem"},
      {"term_missed", "{0}, a więc po końcu okresu obowiązywania umowy ({1})"},
      {"term_missed_passed",
       "{0}; okres obowiązywania umowy upłynął {1}, jeszcze przed datą pisma"},
      {"renews_once", "{0}; umowa przedłuża się o {1}: do {2}"},
      {"renews_times", "{0}; umowa przedłuża się {2} razy o {1}: do {3}"},
      {"no_renewal",
       "{0}; umowa nie przedłuża się i wygasa z upływem okresu, na jaki została zawarta: {1}"},
      {"expired",
       "okres obowiązywania umowy upłynął {0}, przed datą pisma, a umowa się nie przedłuża: "
       "umowa już wygasła; miarodajna jest data pisma, {1}"},
      {"expired_receipt",
       "okres obowiązywania umowy upłynął {0}, przed doręczeniem, a umowa się nie przedłuża: "
       "umowa już wygasła; miarodajny jest dzień doręczenia, {1}"},
      {"for_cause",
       "wypowiedzenie bez zachowania okresu wypowiedzenia z ważnych przyczyn, na które pozwala "
       "umowa; skuteczne z chwilą doręczenia: {0}"},
      {"requested",
       "wskazana data rozwiązania: {0}, późniejsza niż najwcześniejszy dopuszczalny termin "
       "({1})"},
      {"note_gentler",
       "rozwiązanie umowy z końcem okresu jej obowiązywania ({0}), czyli {1} po terminie "
       "wynikającym z wypowiedzenia ({2}), jest łagodniejsze niż w trakcie tego okresu; aby tak "
       "zakończyć umowę, należy wskazać datę {0}"},
      {"rb_notice",
       "okres wypowiedzenia ({0}) liczony wstecz od {1}: doręczenie najpóźniej {2}"},
      {"rb_notice_month_end",
       "okres wypowiedzenia ({0}) liczony wstecz od końca miesiąca ({1}): doręczenie "
       "najpóźniej {2}"},
      {"rb_notice_quarter_end",
       "okres wypowiedzenia ({0}) liczony wstecz od końca kwartału ({1}): doręczenie "
       "najpóźniej {2}"},
      {"rb_term",
       "okres wypowiedzenia ({0}) liczony wstecz od końca okresu obowiązywania umowy ({1}): "
       "doręczenie najpóźniej {2}"},
      {"rb_renewed_term",
       "okres wypowiedzenia ({0}) liczony wstecz od końca przedłużonego okresu ({1}): "
       "doręczenie najpóźniej {2}"},
      {"rb_term_no_notice",
       "brak okresu wypowiedzenia: doręczenie najpóźniej z końcem okresu obowiązywania umowy "
       "({0})"},
      {"rb_renewed_no_notice",
       "brak okresu wypowiedzenia: doręczenie najpóźniej z końcem przedłużonego okresu ({0})"},
      {"rb_no_renewal",
       "umowa nie przedłuża się i wygasa {0}, jeżeli pismo zostanie doręczone do tego dnia: "
       "doręczenie najpóźniej {0}"},
      {"rb_expired",
       "okres obowiązywania umowy upłynął {0} bez przedłużenia; pismo doręczone później jest "
       "skuteczne z chwilą doręczenia: doręczenie najpóźniej {1}"},
      {"rb_for_cause",
       "wypowiedzenie z ważnych przyczyn jest skuteczne z chwilą doręczenia: doręczenie "
       "najpóźniej {0}"},
      {"rb_requested", "dla wskazanej daty rozwiązania ({0}): {1}"},
      {"rb_then", "{0}; przy doręczeniu {1} umowa rozwiązałaby się dopiero {2}"},
      {"rb_then_requested",
       "{0}; przy doręczeniu {1} wskazana data byłaby wcześniejsza, niż pozwala umowa "
       "(najwcześniejszy termin: {2})"},
      {"w.notice_period_missing",
       "Nie podano okresu wypowiedzenia: przyjęto koniec okresu obowiązywania umowy bez liczenia "
       "wypowiedzenia i nie obliczono wcześniejszego rozwiązania. Należy sprawdzić umowę."},
      {"w.renewal_period_zero",
       "Okres przedłużenia równy 0 niczego nie przedłuża; umowę potraktowano jako "
       "nieprzedłużającą się."},
      {"w.term_already_ended",
       "Okres obowiązywania umowy upłynął {0}, przed datą pisma ({1}), a umowa się nie "
       "przedłuża: umowa już wygasła i pismo może to jedynie potwierdzić."},
      {"w.term_ends_before_receipt",
       "Okres obowiązywania umowy upływa {0}, przed przewidywanym doręczeniem ({1}), a "
       "umowa się nie przedłuża: wygaśnie, zanim pismo dotrze do adresata."},
      {"w.for_cause_not_immediate",
       "Wypowiedzenie następuje z ważnych przyczyn, ale umowa nie przewiduje rozwiązania bez "
       "zachowania okresu wypowiedzenia: zastosowano tryb zwykły."},
      {"w.for_cause_without_reason",
       "Wypowiedzenie następuje z ważnych przyczyn, ale nie wskazano ani przyczyny, ani "
       "udokumentowanego zdarzenia."},
      {"w.requested_not_term_end",
       "Wskazana data {0} nie przypada na koniec okresu obowiązywania umowy, a umowa nie "
       "pozwala jej rozwiązać w trakcie tego okresu: potrzebna jest zgoda drugiej strony."},
      {"w.project_after_end",
       "Termin projektu „{0}” przypada na {1}, po dniu rozwiązania umowy ({2})."},
      {"w.project_due_in_past",
       "Termin projektu „{0}” minął {1}, przed datą pisma ({2}): pismo obiecywałoby "
       "świadczenie już spóźnione."},
      {"w.handover_after_end",
       "Przekazanie zaplanowano na dzień {0}, po dniu rozwiązania umowy ({1})."},
      {"w.handover_in_past",
       "Termin przekazania ({0}) przypada przed datą pisma ({1}): pismo wyznaczałoby "
       "termin, który już minął."},
      {"w.goodwill_omitted",
       "Pominięto wskazany gest dobrej woli, ponieważ wśród przyczyn jest niewłaściwe traktowanie "
       "pracowników lub nieetyczne postępowanie."},
      {"w.apology_omitted",
       "Pominięto wskazane przeprosiny, ponieważ wśród przyczyn jest niewłaściwe traktowanie "
       "pracowników lub nieetyczne postępowanie."},
      {"w.goodwill_currency_mismatch",
       "Gest dobrej woli wyrażono w walucie {0}, a umowę w walucie {1}."},
      {"w.goodwill_currency_missing",
       "Kwota gestu dobrej woli nie ma waluty – ani własnej, ani wynikającej z umowy."},
      {"w.goodwill_amount_missing",
       "Gest dobrej woli nie wskazuje kwoty: pismo nie może podać, ile zostanie zwrócone lub "
       "umorzone."},
      {"w.goodwill_invoice_missing",
       "Ostatnia faktura ma zostać anulowana, ale nie podano jej numeru."},
      {"w.situation_after_letter_date",
       "Udokumentowane zdarzenie nosi datę {0}, późniejszą niż data pisma ({1})."},
      {"w.signed_after_letter_date", "Umowę podpisano {0}, już po dacie pisma ({1})."},
      {"w.no_termination_clause",
       "Nie podano postanowienia umowy o wypowiedzeniu: pismo nie powoła się na żadne."},
  };
  return patterns;
}

}  // namespace parting::rules
