// Escaping of inserted values for the block markup.
#include "compose/escape.h"

namespace parting::compose {
namespace {

bool StartsWith(std::string_view text, size_t at, std::string_view prefix) {
  return text.substr(at, prefix.size()) == prefix;
}

// U+E000…U+E00F, reserved for the markup (EE 80 80 … EE 80 8F in UTF-8).
bool IsDelimiter(std::string_view text, size_t at) {
  return at + 2 < text.size() && static_cast<unsigned char>(text[at]) == 0xEE &&
         static_cast<unsigned char>(text[at + 1]) == 0x80 &&
         (static_cast<unsigned char>(text[at + 2]) & 0xF0) == 0x80;
}

// Length of a line-breaking or control character at `at`, 0 for none:
// C0 controls, DEL, NEL (U+0085), LINE and PARAGRAPH SEPARATOR (U+2028/9).
size_t BreakingCharLength(std::string_view text, size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  if (c < 0x20 || c == 0x7F) return 1;
  if (c < 0x80) return 0;  // the common case, decided by one byte
  if (c == 0xC2) return StartsWith(text, at, "\xC2\x85") ? 2 : 0;
  if (c == 0xE2)
    return StartsWith(text, at, "\xE2\x80\xA8") || StartsWith(text, at, "\xE2\x80\xA9") ? 3 : 0;
  return 0;
}

std::string Wrap(std::string_view open, std::string_view text, std::string_view close) {
  std::string clean = CleanText(text);
  if (clean.empty()) return clean;
  return std::string(open) + clean + std::string(close);
}

}  // namespace

std::string CleanText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    if (IsDelimiter(text, i)) {
      i += 3;
      continue;
    }
    size_t n = BreakingCharLength(text, i);
    if (n > 0 || text[i] == ' ') {
      pending_space = true;
      i += n > 0 ? n : 1;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += text[i++];
  }
  return out;
}

std::string Verbatim(std::string_view text) { return Wrap(kVerbatimOpen, text, kVerbatimClose); }

std::string Unbreakable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == ' ')
      out += "\u00a0";
    else
      out += c;
  }
  return out;
}

std::string Literal(std::string_view text) { return Wrap(kLiteralOpen, text, kLiteralClose); }

std::string EscapeValue(const std::string& value) {
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    std::string_view close;
    if (StartsWith(value, i, kVerbatimOpen)) close = kVerbatimClose;
    if (StartsWith(value, i, kLiteralOpen)) close = kLiteralClose;
    if (!close.empty()) {
      size_t end = value.find(close, i + 3);
      if (end != std::string::npos) {
        out.append(value, i, end + 3 - i);
        i = end + 3;
        continue;
      }
    }
    // An unwrapped piece runs to the next opening delimiter.
    size_t next = value.size();
    for (std::string_view open : {kVerbatimOpen, kLiteralOpen}) {
      size_t at = value.find(open, i + 1);
      if (at != std::string::npos && at < next) next = at;
    }
    std::string_view piece(value.data() + i, next - i);
    // Connectors keep their edge spaces (", "), which CleanText would trim.
    bool lead = !piece.empty() && piece.front() == ' ';
    bool trail = piece.size() > 1 && piece.back() == ' ';
    std::string clean = CleanText(piece);
    if (!clean.empty()) {
      out += kLiteralOpen;
      if (lead) out += ' ';
      out += clean;
      if (trail) out += ' ';
      out += kLiteralClose;
    } else if (lead) {
      out += ' ';
    }
    i = next;
  }
  return out;
}

}  // namespace parting::compose
