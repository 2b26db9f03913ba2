// Document: a composed letter, as text in blocks, before any measuring.
//
// The compose stage fills it from the request, the plan and the templates of
// the letter's language; the layout stage sets it on pages. Every string is
// final, localized UTF-8: layout never formats dates, amounts or names.
#pragma once

#include <string>
#include <vector>

#include "parting/plan.h"
#include "parting/request.h"

namespace parting::compose {

/// How a span differs from an earlier draft, in a redline (compose/redline.h).
enum class Change : unsigned char {
  kNone,
  kInserted,  ///< new in this draft: underlined in colour
  kDeleted,   ///< only in the earlier draft: struck through where it stood
};

/// A stretch of text with one style.
struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  /// Text that came from the request (a name, a reference, an e-mail address,
  /// an amount, a date): never hyphenated, never broken inside if avoidable.
  bool verbatim = false;
  /// Any text that came from the request (verbatim values and free prose
  /// such as situation texts): never hyphenated, so that the PDF's text of
  /// every field the user gave reads back exactly.
  bool from_request = false;
  Change change = Change::kNone;
  bool operator==(const Span&) const = default;
};

enum class BlockKind {
  kParagraph,  ///< justified body text
  kHeading,    ///< a short bold line that introduces the blocks after it
  kListItem,   ///< one item of a bulleted list
};

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::vector<Span> spans;
  Section section = Section::kThanks;  ///< the letter part it belongs to
  bool operator==(const Block&) const = default;
};

/// One line of a draft's review page: a fact and how it came about.
struct ReviewItem {
  std::string label;
  std::string value;
};

/// A reviewer's note pinned beside the first paragraph of a letter part.
struct ReviewNote {
  Section section = Section::kThanks;
  std::string text;
};

/// What a draft adds for the lawyer: notes on the paragraphs that warnings
/// concern, and a last page of facts, derivations and warnings.
struct Review {
  std::string title;
  std::vector<ReviewItem> facts;
  std::string warnings_title;
  std::vector<std::string> warnings;  ///< in words, the letter's language
  std::string note_title;
  std::vector<ReviewNote> notes;
};

struct Document {
  Language language = Language::kEn;
  std::string bcp47;  ///< "de-DE", "en-US", … for the PDF's /Lang
  Paper paper = Paper::kA4;
  bool draft = false;

  // Letterhead, top of the first page.
  std::string sender_organization;
  std::vector<std::string> sender_lines;  ///< address, then phone and e-mail
  /// One short line above the recipient in the window ("Org · Street · Town").
  std::string return_address;
  std::vector<std::string> recipient_lines;  ///< organization, name, address

  std::vector<std::string> reference_lines;  ///< "Contract: RV-2023-017", …
  std::string date_line;                     ///< "Hamburg, 22. November 2026"
  std::string subject;                       ///< bold subject line
  std::string salutation;                    ///< "Sehr geehrter Herr Müller,"
  std::vector<Block> body;
  std::string closing;                       ///< "Mit freundlichen Grüßen"
  std::vector<std::string> signature_lines;  ///< organization, name, role

  /// The page number, with "{page}" and "{pages}" placeholders: "Seite
  /// {page} von {pages}". Layout leaves it out of a one-page letter and of
  /// the first page of a US letter.
  std::string page_label;
  /// A signed letter's words in its signature field, with "{signer}" and
  /// "{date}" placeholders: "Digital signiert von {signer} am {date}".
  std::string signed_label;
  /// Those words filled in when the letter is signed (engine.cc: the
  /// certificate's name, the signing date); empty: the letter is not
  /// signed, and layout writes nothing in the field.
  std::string signature_caption;
  /// The sender's legal identity (sender.legal) for the footer of every
  /// page, in pieces ("Sitz der Gesellschaft: Hamburg"); empty for none.
  std::vector<std::string> legal_footer;
  /// The short header of continuation pages: whom the letter is to
  /// ("Herrn Dr. Thomas Müller" or the organization) and its date.
  std::string header_recipient;
  std::string header_date;
  std::string draft_mark;  ///< "ENTWURF", shown only when draft
  Review review;           ///< filled only when draft
  /// A redline's first page: what changed since the earlier draft (facts,
  /// letter parts, warnings). Laid before the letter when `redline` is set.
  bool redline = false;
  Review changes;
  /// A redline's subject and salutation with their marks; empty when they
  /// did not change (then `subject` and `salutation` are set as they are).
  std::vector<Span> subject_marks;
  std::vector<Span> salutation_marks;
  /// A redline's marks on the short parts outside the body: each current
  /// line with its changed words marked and the earlier draft's deleted
  /// words where they stood. Empty for a part that did not change (then its
  /// lines are set as they are).
  struct LineMarks {
    std::vector<std::vector<Span>> recipient;   ///< recipient_lines
    std::vector<std::vector<Span>> references;  ///< reference_lines
    std::vector<std::vector<Span>> date;        ///< date_line (one line)
    std::vector<std::vector<Span>> signature;   ///< signature_lines
  } line_marks;

  // PDF metadata.
  std::string title;
  std::string author;
  std::string keywords;
};

}  // namespace parting::compose
