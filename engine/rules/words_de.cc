// The plan's words in German, as a German lawyer reviewing the letter reads them.
#include "rules/words.h"

namespace parting::rules {

const Patterns& GermanPatterns() {
  static const Patterns patterns = {
      {"notice", "Kündigungsfrist {0} ab {1}: Fristablauf am {2}"},
      {"notice_receipt", "Kündigungsfrist {0} ab Zugang am {1}: Fristablauf am {2}"},
      {"notice_none", "keine Kündigungsfrist angegeben; Stichtag ist der {0}"},
      {"notice_none_receipt", "keine Kündigungsfrist angegeben; Stichtag ist der Zugang am {0}"},
      {"to_month_end", "{0}, zum Monatsende: {1}"},
      {"to_quarter_end", "{0}, zum Quartalsende: {1}"},
      {"term_fits", "Laufzeitende am {0}; {1} – die Frist ist bis dahin gewahrt"},
      {"term_missed", "{0} – das Laufzeitende am {1} ist damit nicht mehr erreichbar"},
      {"term_missed_passed",
       "{0} – das Laufzeitende am {1} lag bereits vor dem Datum des Schreibens"},
      {"renews_once", "{0}; der Vertrag verlängert sich um {1}: {2}"},
      {"renews_times", "{0}; der Vertrag verlängert sich {2}-mal um je {1}: {3}"},
      {"no_renewal",
       "{0}; der Vertrag verlängert sich nicht und endet mit Ablauf der Laufzeit am {1}"},
      {"expired",
       "Die Laufzeit endete am {0}, vor dem Datum des Schreibens, ohne Verlängerung: Der Vertrag "
       "ist bereits ausgelaufen; maßgeblich ist das Datum des Schreibens, der {1}"},
      {"expired_receipt",
       "Die Laufzeit endete am {0}, vor dem Zugang, ohne Verlängerung: Der Vertrag ist bereits "
       "ausgelaufen; maßgeblich ist der Tag des Zugangs, der {1}"},
      {"for_cause",
       "fristlose Kündigung aus wichtigem Grund, wie der Vertrag sie zulässt; wirksam mit Zugang "
       "am {0}"},
      {"requested",
       "gewünschtes Vertragsende am {0}, später als der frühestmögliche Termin am {1}"},
      {"note_gentler",
       "Eine Beendigung zum Laufzeitende am {0}, {1} nach dem ordentlichen Kündigungstermin am "
       "{2}, ist schonender als eine Beendigung während der Laufzeit; dazu den {0} als gewünschtes "
       "Vertragsende angeben"},
      {"rb_notice", "Kündigungsfrist {0}, zurückgerechnet vom {1}: Zugang spätestens am {2}"},
      {"rb_notice_month_end",
       "Kündigungsfrist {0}, zurückgerechnet vom Monatsende am {1}: Zugang spätestens am {2}"},
      {"rb_notice_quarter_end",
       "Kündigungsfrist {0}, zurückgerechnet vom Quartalsende am {1}: Zugang spätestens am {2}"},
      {"rb_term",
       "Kündigungsfrist {0}, zurückgerechnet vom Laufzeitende am {1}: Zugang spätestens am {2}"},
      {"rb_renewed_term",
       "Kündigungsfrist {0}, zurückgerechnet vom Ende der verlängerten Laufzeit am {1}: Zugang "
       "spätestens am {2}"},
      {"rb_term_no_notice", "keine Kündigungsfrist: Zugang spätestens zum Laufzeitende am {0}"},
      {"rb_renewed_no_notice",
       "keine Kündigungsfrist: Zugang spätestens zum Ende der verlängerten Laufzeit am {0}"},
      {"rb_no_renewal",
       "Der Vertrag verlängert sich nicht und endet am {0}, sofern das Schreiben bis dahin zugeht: "
       "Zugang spätestens am {0}"},
      {"rb_expired",
       "Die Laufzeit endete am {0} ohne Verlängerung; ein später zugehendes Schreiben wirkt mit "
       "Zugang: Zugang spätestens am {1}"},
      {"rb_for_cause", "Die fristlose Kündigung wird mit Zugang wirksam: Zugang spätestens am {0}"},
      {"rb_requested", "Für das gewünschte Vertragsende am {0}: {1}"},
      {"rb_then", "{0}; bei Zugang am {1} würde der Vertrag erst am {2} enden"},
      {"rb_then_requested",
       "{0}; bei Zugang am {1} läge das gewünschte Vertragsende vor dem frühestmöglichen Termin "
       "(dann dem {2})"},
      {"w.notice_period_missing",
       "Keine Kündigungsfrist angegeben: Das Laufzeitende wurde ohne Frist zugrunde gelegt, eine "
       "ordentliche Kündigung davor nicht berechnet. Bitte den Vertrag prüfen."},
      {"w.renewal_period_zero",
       "Ein Verlängerungszeitraum von 0 verlängert nichts; der Vertrag wurde als nicht "
       "verlängernd behandelt."},
      {"w.term_already_ended",
       "Die Laufzeit endete am {0}, vor dem Datum des Schreibens ({1}), und verlängert sich "
       "nicht: Der Vertrag ist bereits ausgelaufen, das Schreiben kann das nur noch bestätigen."},
      {"w.term_ends_before_receipt",
       "Die Laufzeit endet am {0}, vor dem erwarteten Zugang am {1}, und verlängert sich nicht: "
       "Der Vertrag läuft aus, bevor das Schreiben ankommt."},
      {"w.for_cause_not_immediate",
       "Die Kündigung erfolgt aus wichtigem Grund, der Vertrag sieht aber keine fristlose "
       "Kündigung vor: Es gelten die ordentlichen Beendigungswege."},
      {"w.for_cause_without_reason",
       "Die Kündigung erfolgt aus wichtigem Grund, doch weder ein Grund noch ein dokumentierter "
       "Anlass ist angegeben."},
      {"w.requested_not_term_end",
       "Das gewünschte Vertragsende am {0} ist kein Laufzeitende, und der Vertrag erlaubt keine "
       "Beendigung dazwischen: Dafür ist die Zustimmung des Vertragspartners nötig."},
      {"w.project_after_end",
       "Das Projekt „{0}“ ist am {1} fällig, also nach dem Vertragsende am {2}."},
      {"w.project_due_in_past",
       "Das Projekt „{0}“ war am {1} fällig, vor dem Datum des Schreibens ({2}): Das Schreiben "
       "würde eine bereits verspätete Leistung zusagen."},
      {"w.handover_after_end",
       "Die Übergabe ist für den {0} vorgesehen, also nach dem Vertragsende am {1}."},
      {"w.handover_in_past",
       "Der Übergabetermin am {0} liegt vor dem Datum des Schreibens ({1}): Das Schreiben würde "
       "einen bereits verstrichenen Termin nennen."},
      {"w.goodwill_omitted",
       "Die gewünschte Kulanzleistung wurde weggelassen, weil zu den Gründen respektloser Umgang "
       "mit dem Team oder unethisches Verhalten gehört."},
      {"w.apology_omitted",
       "Die gewünschte Entschuldigung wurde weggelassen, weil zu den Gründen respektloser Umgang "
       "mit dem Team oder unethisches Verhalten gehört."},
      {"w.goodwill_currency_mismatch", "Die Kulanzleistung lautet auf {0}, der Vertrag auf {1}."},
      {"w.goodwill_currency_missing",
       "Der Kulanzbetrag hat keine Währung, weder eine eigene noch die des Vertrags."},
      {"w.goodwill_amount_missing",
       "Die Kulanzleistung nennt keinen Betrag: Das Schreiben kann nicht sagen, wie viel erstattet "
       "oder erlassen wird."},
      {"w.goodwill_invoice_missing",
       "Die letzte Rechnung wird storniert, aber es fehlt die Rechnungsnummer."},
      {"w.situation_after_letter_date",
       "Ein dokumentierter Anlass ist auf den {0} datiert, also nach dem Datum des Schreibens "
       "({1})."},
      {"w.signed_after_letter_date",
       "Der Vertrag wurde am {0} unterzeichnet, also nach dem Datum des Schreibens ({1})."},
      {"w.no_termination_clause",
       "Keine Kündigungsklausel angegeben: Das Schreiben nennt daher keine."},
  };
  return patterns;
}

}  // namespace parting::rules
