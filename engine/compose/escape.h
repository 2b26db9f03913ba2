// Escaping of inserted values for the block markup (see markup.h).
//
// Every value the context gives a template is wrapped in private-use
// delimiters, so that whatever it contains (*, _, #, -, newlines, blank
// lines) stays literal text inside the paragraph it was inserted into:
//
//   U+E000 … U+E001  verbatim value (a name, reference, date, amount, e-mail):
//                    literal text that layout must not hyphenate
//   U+E002 … U+E003  literal text (free prose from the request, connectors
//                    produced by locale formatting): no markup, may hyphenate
//
// The reserved characters are removed from request text before wrapping,
// so a request can never open or close a span. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace parting::compose {

inline constexpr std::string_view kVerbatimOpen = "\xEE\x80\x80";   // U+E000
inline constexpr std::string_view kVerbatimClose = "\xEE\x80\x81";  // U+E001
inline constexpr std::string_view kLiteralOpen = "\xEE\x80\x82";    // U+E002
inline constexpr std::string_view kLiteralClose = "\xEE\x80\x83";   // U+E003
/// Marks a paragraph break: what a blank line of template source becomes.
inline constexpr std::string_view kParagraphMark = "\xEE\x80\x84";  // U+E004

/// Request text made safe for one line: U+E000…U+E00F (reserved for the
/// markup) removed, control
/// characters and line or paragraph separators turned into spaces, runs of
/// white space collapsed, both ends trimmed. Plain text, not wrapped.
std::string CleanText(std::string_view text);

/// CleanText(text) wrapped as a verbatim value; "" stays "".
std::string Verbatim(std::string_view text);
/// `text` with every space a no-break space (U+00A0), so that a short value
/// that must stay on one line ("28. Februar 2027", "Belo Horizonte – MG")
/// never breaks inside.
std::string Unbreakable(std::string_view text);
/// CleanText(text) wrapped as literal prose; "" stays "".
std::string Literal(std::string_view text);

/// The escape function given to Mustache: a value whose pieces are already
/// wrapped passes unchanged, any unwrapped piece (formatter connectors such as
/// ", " or " and ") is cleaned and wrapped as literal.
std::string EscapeValue(const std::string& value);

}  // namespace parting::compose
