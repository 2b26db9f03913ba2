// The ready-to-send e-mail of a letter: a short cover note in the letter's
// language with the PDF attached, as RFC 5322 / MIME text (an .eml file).
//
// Cover notes are plain text files, letter_templates/<lang>/email_cover.txt,
// with three placeholders: {salutation} (the letter's own, as printed),
// {contact} (the transition contact, else the sender, with the address) and
// {signature} (the sender's name and organization). The message is built
// with Poco's MailMessage and is deterministic: the Date header is the
// letter date, the Message-ID and the MIME boundary come from the request's
// fingerprint. CoverNotes is immutable after Load() and thread-safe.
//
//   auto notes = CoverNotes::Load(root / "letter_templates");
//   Result<std::string> eml = LetterEmail(request, letter, "0001-acme.pdf", *notes);
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "parting/engine.h"
#include "parting/request.h"
#include "parting/status.h"

namespace parting::batch {

class CoverNotes {
 public:
  /// One note per supported language; NotFound naming the missing file, or
  /// Internal for a note without the {salutation} placeholder.
  static Result<CoverNotes> Load(const std::filesystem::path& templates_dir);
  /// The note with its placeholders; requires a loaded language.
  const std::string& For(Language language) const { return notes_.at(language); }

 private:
  std::map<Language, std::string> notes_;
};

/// The e-mail for a request with delivery.email. kInvalid at /sender/email
/// when the sender has no address (the From header needs one). Requires
/// request.delivery->email.
Result<std::string> LetterEmail(const LetterRequest& request, const RenderedLetter& letter,
                                const std::string& pdf_file_name, const CoverNotes& notes);

}  // namespace parting::batch
