// The templates and labels of one language, loaded from its folder under
// letter_templates/ and checked (template_check.h) before use.
//
// Layout of a language folder (see letter_templates/README.md):
//   labels.json, letter.mustache, subject.mustache, salutation.mustache,
//   date_line.mustache, sections/<section>.mustache, reasons/<reason id>.mustache
// Immutable once loaded; safe to share between threads.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "parting/request.h"
#include "parting/status.h"

namespace parting::compose {

/// Localized words that are not sentences of the letter.
struct Labels {
  std::map<std::string, std::string> reasons;        ///< reason id -> short label
  std::string closing;                               ///< "Mit freundlichen Grüßen"
  std::string page_label;                            ///< "Seite {page} von {pages}"
  std::string signed_label;                          ///< "Digital signiert von {signer} am {date}"
  std::string draft_mark;                            ///< "ENTWURF"
  std::string reference_contract;                    ///< "Vertrag"
  std::string reference_signed_on;                   ///< "Vertragsdatum"
  std::string keywords;                              ///< "Kündigung"
  std::map<FormOfAddress, std::string> name_prefix;  ///< "Herrn", "Frau", ""
  /// Headings of a draft's review page: key ("title", "effective_end_date",
  /// "route", "derivation", "other_routes", "notes", "warnings",
  /// "no_warnings", "sections", "template_version", "fingerprint",
  /// "letter_date", "note_title", and "routes.<route name>") -> text.
  std::map<std::string, std::string> review;
  /// Words of the footer with the sender's legal identity (sender.legal):
  /// key ("legal_form", "seat", "register_court", "register_number",
  /// "managing_directors", "vat_id", "tax_id", "share_capital", and
  /// "separator" between a label and its value, ": " or " ") -> text. A
  /// label may be empty when the value names itself ("HRB 123456").
  std::map<std::string, std::string> legal;
};

/// The keys every labels.json must give under "legal".
const std::vector<std::string>& LegalLabelKeys();

/// The keys every labels.json must give under "review".
const std::vector<std::string>& ReviewLabelKeys();

struct TemplateSet {
  Language language = Language::kEn;
  Labels labels;
  /// "de-3f2a9c01b7e4": the language and the start of a SHA-256 over every
  /// file of the set, so a review copy names the exact wording it used.
  std::string version;
  std::string letter;      ///< the body skeleton
  std::string subject;     ///< one line
  std::string salutation;  ///< one line
  std::string date_line;   ///< one line
  /// Partial name ("sections/contract", "reasons/time_drain") -> template.
  std::map<std::string, std::string> partials;
};

/// The name under which the reasons of a letter are included: {{>reasons}}
/// expands to the partials reasons/<id> of the request's reasons, in order,
/// as one paragraph.
inline constexpr const char* kReasonsPartial = "reasons";

/// Loads and checks the folder `dir` of `language`. Messages name files as
/// `shown_dir`/<file>. kNotFound when a file is missing, kInternal listing
/// every problem ("FILE:LINE: message", one per line) otherwise.
Result<TemplateSet> LoadTemplateSet(const std::filesystem::path& dir, const std::string& shown_dir,
                                    Language language);

}  // namespace parting::compose
