// Header text for e-mail (RFC 5322, RFC 2047): what a Subject or a display
// name becomes so that a mail program shows exactly the text the PDF shows,
// within the 78-character line the RFCs recommend.
//
//   EncodeUnstructured("Kündigung des Rahmenvertrags …", 9)
//     → "=?UTF-8?B?S8O8bmRpZ3VuZyBkZXMgUmFobWVudmVydHJhZ3Mg?=\r\n =?UTF-8?B?…?="
//
// ASCII text is kept as it is, folded at spaces; text with non-ASCII
// characters, and ASCII that a mail program would take for an encoded word
// ("=?…?="), becomes base64 encoded words of at most 75 characters, never
// splitting a character, one per folded line. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parting::batch {

/// An unstructured header value (Subject) for a header whose name is
/// `name_length` characters long ("Subject" = 7).
std::string EncodeUnstructured(std::string_view text, std::size_t name_length);

/// A display name before "<address>": encoded words as above, and ASCII
/// with specials (a comma would split the address list) as a quoted string.
std::string EncodeDisplayName(std::string_view name);

}  // namespace parting::batch
