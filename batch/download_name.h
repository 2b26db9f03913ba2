// The file name a browser saves a letter under. The plain `filename` is
// ASCII only, without path separators or quotes, so that it is safe in a
// Content-Disposition header on every platform: the recipient's name
// transliterated by ICU the way the letter's language writes it in ASCII
// (German "Müller" → "mueller", Thai romanized). A caller may choose the
// name (POST /v1/letters?filename=…); it travels as RFC 6266 / RFC 8187
// `filename*` in UTF-8, with its ASCII transliteration as `filename`.
// Pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "parting/request.h"
#include "parting/status.h"

namespace parting::batch {

/// "letter-mueller-soehne-ag-2026-11-22.pdf" from the recipient's
/// organization (or name), transliterated to ASCII for `language`, and the
/// letter date; empty parts are dropped ("letter.pdf" at the least).
std::string DownloadFileName(std::string_view recipient, std::string_view letter_date,
                             Language language = Language::kEn);

/// The file name of a parsed request's letter: the recipient's organization,
/// else their name, and the letter date (always known once parsed).
std::string DownloadFileNameFor(const LetterRequest& request);

/// A name the caller chose, checked: 1 to 120 characters of valid UTF-8,
/// no control characters, no '/', '\' or '"', not "." or ".."; ".pdf" is
/// added unless it ends so. kInvalid at pointer "" naming the parameter.
Result<std::string> ChosenFileName(std::string_view name);

/// The Content-Disposition header value: `filename="ascii"`, and
/// `filename*=UTF-8''…` when `utf8_name` is given and differs from it.
std::string AttachmentDisposition(const std::string& ascii_name, const std::string& utf8_name = "");

/// The ASCII stand-in of a chosen name ("Kündigung Müller.pdf" in German →
/// "kuendigung-mueller.pdf").
std::string AsciiFileName(std::string_view utf8_name, Language language);

}  // namespace parting::batch
