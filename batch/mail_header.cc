#include "batch/mail_header.h"

#include <Poco/Base64Encoder.h>

#include <sstream>
#include <vector>

namespace parting::batch {
namespace {

// RFC 5322 2.1.1: lines SHOULD be at most 78 characters.
constexpr std::size_t kLineLength = 78;
// "=?UTF-8?B?" + base64 of 39 bytes (52 characters) + "?=": 64, within the
// 75 of RFC 2047 section 2, and a first line "Subject: " + word within 78.
constexpr std::size_t kBytesPerWord = 39;
constexpr std::string_view kFold = "\r\n ";

bool IsAscii(std::string_view text) {
  for (unsigned char c : text)
    if (c >= 0x80) return false;
  return true;
}

// Text a reader could take for something other than itself: non-ASCII, an
// encoded word's opening "=?", or a control character.
bool NeedsEncoding(std::string_view text) {
  if (!IsAscii(text) || text.find("=?") != std::string_view::npos) return true;
  for (unsigned char c : text)
    if (c < 0x20 || c == 0x7F) return true;
  return false;
}

std::string Base64(std::string_view bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return out.str();
}

// The length of the UTF-8 sequence that starts with `lead`.
std::size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

std::string EncodedWords(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = start;
    while (end < text.size()) {
      const std::size_t next = end + SequenceLength(static_cast<unsigned char>(text[end]));
      if (next - start > kBytesPerWord) break;
      end = next;
    }
    if (end > text.size()) end = text.size();  // a truncated sequence at the very end
    if (!out.empty()) out += kFold;
    out += "=?UTF-8?B?" + Base64(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

// ASCII folded at spaces so that no line passes kLineLength; a word longer
// than a line stays whole (RFC 5322 allows up to 998).
std::string FoldAscii(std::string_view text, std::size_t first_line_used) {
  std::string out;
  std::size_t line = first_line_used;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t space = text.find(' ', start + 1);
    if (space == std::string_view::npos) space = text.size();
    const std::string_view word = text.substr(start, space - start);  // with its leading space
    if (!out.empty() && line + word.size() > kLineLength && word.front() == ' ') {
      out += "\r\n";
      line = 0;
    }
    out += word;
    line += word.size();
    if (space == text.size()) break;
    start = space;
  }
  return out;
}

}  // namespace

std::string EncodeUnstructured(std::string_view text, std::size_t name_length) {
  if (NeedsEncoding(text)) return EncodedWords(text);
  return FoldAscii(text, name_length + 2);
}

std::string EncodeDisplayName(std::string_view name) {
  if (NeedsEncoding(name)) return EncodedWords(name);
  if (name.find_first_of("()<>@,;:\\\".[]") == std::string_view::npos) return std::string(name);
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace parting::batch
