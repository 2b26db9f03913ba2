#include "batch/letter_email.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/StringPartSource.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "batch/mail_header.h"

namespace parting::batch {
namespace {

using Poco::Net::MailMessage;
using Poco::Net::MailRecipient;

constexpr std::string_view kCoverFile = "email_cover.txt";

void Replace(std::string& text, std::string_view placeholder, const std::string& value) {
  for (size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size()))
    text.replace(at, placeholder.size(), value);
}

// "Name <address>" for the From header; folded before the address when the
// line would pass 78 characters.
std::string Mailbox(const std::string& name, const std::string& address) {
  if (name.empty()) return address;
  const std::string display = EncodeDisplayName(name);
  const std::size_t last_line = display.size() - std::min(display.size(), display.rfind('\n') + 1);
  const std::size_t used =
      (display.find('\n') == std::string::npos ? std::size_t{6} : 0) + last_line;
  const bool fold = used + 2 + address.size() + 1 > 78;
  return display + (fold ? "\r\n <" : " <") + address + ">";
}

std::string WithAddress(const std::string& name, const std::string& email) {
  if (email.empty()) return name;
  return name.empty() ? email : name + " (" + email + ")";
}

std::string CoverText(const LetterRequest& request, const RenderedLetter& letter,
                      const CoverNotes& notes) {
  std::string text = notes.For(request.language);
  const Party& sender = request.sender;
  const std::optional<Contact>& contact = request.transition.contact;
  const std::string contact_text =
      contact ? WithAddress(contact->name, contact->email)
              : WithAddress(sender.name.empty() ? sender.organization : sender.name, sender.email);
  std::string signature = sender.name;
  if (!sender.organization.empty())
    signature += (signature.empty() ? "" : "\n") + sender.organization;
  Replace(text, "{salutation}", letter.salutation);
  Replace(text, "{contact}", contact_text);
  Replace(text, "{signature}", signature);
  return text;
}

// MailMessage picks a random MIME boundary; the same letter must give the
// same bytes, so it is replaced by one derived from the fingerprint.
std::string FixBoundary(std::string message, const std::string& fingerprint) {
  const std::string key = "boundary=";
  const size_t at = message.find(key);
  if (at == std::string::npos) return message;
  size_t start = at + key.size();
  const bool quoted = start < message.size() && message[start] == '"';
  if (quoted) ++start;
  const size_t end = message.find_first_of(quoted ? "\"" : ";\r\n", start);
  const std::string random = message.substr(start, end - start);
  if (random.empty()) return message;
  // Letters, digits and "_" only: no quoting needed, never in base64 or the note.
  // 28 hex digits keep the Content-Type line within 78 characters.
  Replace(message, random, "parting_" + fingerprint.substr(0, 28));
  return message;
}

}  // namespace

Result<CoverNotes> CoverNotes::Load(const std::filesystem::path& templates_dir) {
  CoverNotes notes;
  for (Language language : AllLanguages()) {
    const auto path = templates_dir / std::string(LanguageCode(language)) / kCoverFile;
    std::ifstream in(path, std::ios::binary);
    if (!in.is_open()) return Status::NotFound("the e-mail cover note is missing: " + path.string());
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (text.find("{salutation}") == std::string::npos)
      return Status::Internal(path.string() + ": the cover note has no {salutation}");
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    notes.notes_[language] = text + "\n";
  }
  return notes;
}

Result<std::string> LetterEmail(const LetterRequest& request, const RenderedLetter& letter,
                                const std::string& pdf_file_name, const CoverNotes& notes) {
  const EmailDelivery& delivery = *request.delivery->email;
  const Party& sender = request.sender;
  if (sender.email.empty())
    return Status::Invalid({{"/sender/email",
                             "is required when delivery.email asks for an e-mail: it is the "
                             "From address"}});

  MailMessage message;
  message.setSender(Mailbox(sender.name.empty() ? sender.organization : sender.name, sender.email));
  message.addRecipient(MailRecipient(MailRecipient::PRIMARY_RECIPIENT, delivery.to));
  for (const std::string& copy : delivery.cc)
    message.addRecipient(MailRecipient(MailRecipient::CC_RECIPIENT, copy));
  const std::string& subject = delivery.subject.empty() ? letter.subject : delivery.subject;
  message.setSubject(EncodeUnstructured(subject, MailMessage::HEADER_SUBJECT.size()));
  const Date date = request.letter_date;
  message.set("Date", Poco::DateTimeFormatter::format(Poco::DateTime(date.year, date.month, date.day, 9),
                                                      Poco::DateTimeFormat::RFC1123_FORMAT));
  message.set("Message-ID", "<" + letter.fingerprint + "@parting.invalid>");
  message.set("Content-Language", std::string(LanguageCode(request.language)));
  message.addContent(new Poco::Net::StringPartSource(CoverText(request, letter, notes),
                                                     "text/plain; charset=UTF-8"),
                     MailMessage::ENCODING_QUOTED_PRINTABLE);
  message.addAttachment(pdf_file_name,
                        new Poco::Net::StringPartSource(letter.pdf, "application/pdf", pdf_file_name),
                        MailMessage::ENCODING_BASE64);
  std::ostringstream out;
  message.write(out);
  return FixBoundary(out.str(), letter.fingerprint);
}

}  // namespace parting::batch
