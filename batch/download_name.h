// The file name a browser saves a letter under: ASCII only, no path
// separators or quotes, so that it is safe in a Content-Disposition header
// on every platform. Pure, thread-safe.
#pragma once

#include "parting/request.h"

#include <string>
#include <string_view>

namespace parting::batch {

/// "letter-muller-sohne-ag-2026-11-22.pdf" from the recipient's organization
/// (or name), transliterated to ASCII, and the letter date; empty parts are
/// dropped ("letter.pdf" at the least).
std::string DownloadFileName(std::string_view recipient, std::string_view letter_date);

/// The file name of a parsed request's letter: the recipient's organization,
/// else their name, and the letter date (always known once parsed).
std::string DownloadFileNameFor(const LetterRequest& request);

/// The Content-Disposition header value for `file_name`.
std::string AttachmentDisposition(const std::string& file_name);

}  // namespace parting::batch
