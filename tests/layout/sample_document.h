// A hand-built German letter Document for layout and PDF tests, independent
// of the templates.
#pragma once

#include <string>

#include "compose/document.h"

namespace parting::testing {

inline compose::Document SampleDocument(int projects = 3, Paper paper = Paper::kA4) {
  using compose::Block;
  using compose::BlockKind;
  using compose::Span;
  compose::Document d;
  d.language = Language::kDe;
  d.bcp47 = "de-DE";
  d.paper = paper;
  d.sender_organization = "Nordlicht Consulting GmbH";
  d.sender_lines = {"Am Sandtorkai 12", "20457 Hamburg", "+49 40 1234567",
                    "jana.petersen@nordlicht.example"};
  d.return_address = "Nordlicht Consulting GmbH · Am Sandtorkai 12 · 20457 Hamburg";
  d.recipient_lines = {"Müller & Söhne AG", "Herrn Thomas Müller", "Leopoldstraße 5",
                       "80802 München"};
  d.reference_lines = {"Vertrag: RV-2023-017", "Ansprechpartnerin: Jana Petersen"};
  d.date_line = "Hamburg, 22. November 2026";
  d.subject = "Kündigung des Rahmenvertrags über Beratungsleistungen (RV-2023-017)";
  d.salutation = "Sehr geehrter Herr Müller,";
  d.body.push_back(Block{BlockKind::kParagraph,
                         {Span{"für das Vertrauen, das Sie uns in den vergangenen knapp vier "
                               "Jahren entgegengebracht haben, danken wir Ihnen herzlich. Die "
                               "Zusammenarbeit mit Ihrem Haus hat uns fachlich wie menschlich "
                               "viel bedeutet."}},
                         Section::kThanks});
  d.body.push_back(Block{
      BlockKind::kParagraph,
      {Span{"Hiermit kündigen wir den "}, Span{"Rahmenvertrag über Beratungsleistungen", false,
                                               false, true},
       Span{" vom "}, Span{"15. Januar 2023", false, false, true},
       Span{" ordentlich gemäß "}, Span{"§ 8.2", false, false, true},
       Span{" unter Einhaltung der Kündigungsfrist von drei Monaten zum Monatsende. Der Vertrag "
            "endet damit am "},
       Span{"28. Februar 2027", true, false, true},
       Span{". Bis dahin erbringen wir alle vereinbarten Leistungen in gewohnter Qualität."}},
      Section::kContract});
  d.body.push_back(Block{BlockKind::kHeading, {Span{"Laufende Projekte"}}, Section::kProjects});
  for (int i = 0; i < projects; ++i)
    d.body.push_back(Block{BlockKind::kListItem,
                           {Span{"Projekt " + std::to_string(i + 1) + ": Website-Relaunch",
                                 false, false, true},
                            Span{" – Go-live bis zum "}, Span{"15. Dezember 2026", false, false,
                                                              true}},
                           Section::kProjects});
  d.body.push_back(Block{BlockKind::kParagraph,
                         {Span{"Wir bedauern aufrichtig, dass wir Ihren Erwartungen nicht in "
                               "dem Maß gerecht werden konnten, das Sie zu Recht von uns erwarten "
                               "dürfen, und wünschen Ihnen und Ihrem Team für die Zukunft alles "
                               "Gute."}},
                         Section::kApology});
  d.closing = "Mit freundlichen Grüßen";
  d.signature_lines = {"Jana Petersen", "Geschäftsführerin"};
  d.page_label = "Seite {page} von {pages}";
  d.draft_mark = "ENTWURF";
  d.title = "Kündigung RV-2023-017";
  d.author = "Nordlicht Consulting GmbH";
  return d;
}

}  // namespace parting::testing
