// Letterhead, address window, references, signature and metadata.
#include "compose/letterhead.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "compose/escape.h"
#include "compose/legal_footer.h"
#include "compose/person_name.h"
#include "core/placeholder.h"
#include "locale/locale.h"
#include "parting/language.h"

namespace parting::compose {
namespace {

void AddLine(std::vector<std::string>& lines, std::string_view text) {
  std::string clean = CleanText(text);
  if (!clean.empty()) lines.push_back(std::move(clean));
}

std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// International mail names the destination country in capitals on the last
// line, in the sender's language; ICU knows the names.
std::string CountryLine(Language language, const std::string& country) {
  icu::UnicodeString name;
  icu::Locale display(locale::IcuLocale(language));
  icu::Locale("", country.c_str()).getDisplayCountry(display, name);
  std::string out;
  name.toUpper(display).toUTF8String(out);
  return out;
}

}  // namespace

Document Letterhead(const LetterRequest& request, const Labels& labels) {
  const Language language = request.language;
  const Party& sender = request.sender;
  const Party& recipient = request.recipient;
  Document doc;
  doc.language = language;
  doc.bcp47 = locale::Bcp47(language);
  doc.paper = request.options.paper;
  doc.draft = request.options.draft;

  doc.sender_organization = CleanText(sender.organization);
  if (doc.sender_organization.empty()) doc.sender_organization = CleanText(sender.name);
  for (const std::string& line : sender.address) AddLine(doc.sender_lines, line);
  AddLine(doc.sender_lines, sender.phone);
  AddLine(doc.sender_lines, sender.email);

  std::vector<std::string> return_parts = {doc.sender_organization};
  // Each part of the return line stays whole ("30130-000 Belo Horizonte – MG"),
  // unless it is too long to fit a line on its own.
  constexpr size_t kBoundPart = 40;
  for (const std::string& line : sender.address) {
    std::string part = CleanText(line);
    return_parts.push_back(part.size() <= kBoundPart ? Unbreakable(part) : part);
  }
  doc.return_address = JoinNonEmpty(return_parts, " · ");

  AddLine(doc.recipient_lines, recipient.organization);
  const std::string window_name =
      AddressPerson(language, recipient.form_of_address, recipient.name, labels.name_prefix)
          .window_line;
  AddLine(doc.recipient_lines, window_name);
  doc.header_recipient = window_name.empty() ? CleanText(recipient.organization) : window_name;
  doc.header_date = Unbreakable(locale::FormatDate(language, request.letter_date));
  doc.legal_footer = LegalFooter(request, labels);
  for (const std::string& line : recipient.address) AddLine(doc.recipient_lines, line);
  if (!recipient.country.empty() && !sender.country.empty() && recipient.country != sender.country)
    AddLine(doc.recipient_lines, CountryLine(language, recipient.country));

  const Contract& contract = request.contract;
  if (!CleanText(contract.reference).empty())
    doc.reference_lines.push_back(labels.reference_contract + ": " + CleanText(contract.reference));
  if (contract.signed_on)
    doc.reference_lines.push_back(labels.reference_signed_on + ": " +
                                  Unbreakable(locale::FormatDate(language, *contract.signed_on)));

  doc.closing = labels.closing;
  AddLine(doc.signature_lines, sender.organization);
  // A Thai letter gives the signer's name in parentheses under the signature.
  const std::string signer = CleanText(sender.name);
  AddLine(doc.signature_lines,
          InfoOf(language).signer_in_parentheses && !signer.empty() ? "(" + signer + ")" : signer);
  AddLine(doc.signature_lines, sender.role);
  doc.page_label = labels.page_label;
  doc.signed_label = labels.signed_label;
  doc.draft_mark = labels.draft_mark;

  doc.author = JoinNonEmpty({CleanText(sender.name), CleanText(sender.organization)}, ", ");
  doc.keywords = JoinNonEmpty({labels.keywords, CleanText(contract.reference)}, ", ");
  return doc;
}

std::string SignatureCaption(const Document& doc, const std::string& signer, Date date) {
  // The date first: a name that holds "{date}" stays as it is.
  std::string caption = doc.signed_label;
  FillPlaceholder(caption, "{date}", Unbreakable(locale::FormatDate(doc.language, date)));
  FillPlaceholder(caption, "{signer}", CleanText(signer));
  return caption;
}

}  // namespace parting::compose
