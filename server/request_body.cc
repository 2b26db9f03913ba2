#include "server/request_body.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace parting::server {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool IsJsonContentType(std::string_view content_type) {
  size_t semicolon = content_type.find(';');
  if (!EqualsIgnoringCase(Trim(content_type.substr(0, semicolon)), "application/json"))
    return false;
  while (semicolon != std::string_view::npos) {
    content_type.remove_prefix(semicolon + 1);
    semicolon = content_type.find(';');
    const std::string_view parameter = Trim(content_type.substr(0, semicolon));
    const size_t equals = parameter.find('=');
    if (equals == std::string_view::npos) {
      if (parameter.empty()) continue;
      return false;  // "application/json; garbage"
    }
    if (!EqualsIgnoringCase(Trim(parameter.substr(0, equals)), "charset")) continue;
    std::string_view charset = Trim(parameter.substr(equals + 1));
    if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"')
      charset = charset.substr(1, charset.size() - 2);
    if (!EqualsIgnoringCase(charset, "utf-8") && !EqualsIgnoringCase(charset, "utf8")) return false;
  }
  return true;
}

bool DeclaredLengthExceeds(std::optional<std::int64_t> content_length, std::size_t max_bytes) {
  return content_length && *content_length >= 0 &&
         static_cast<std::uint64_t>(*content_length) > max_bytes;
}

std::optional<std::string> ReadAtMost(std::istream& in, std::size_t max_bytes) {
  std::string body;
  std::array<char, 16384> buffer;
  while (in) {
    // One byte more than allowed is enough to show the excess.
    const size_t left = max_bytes - body.size();
    const size_t want = left >= buffer.size() ? buffer.size() : left + 1;
    in.read(buffer.data(), static_cast<std::streamsize>(want));
    body.append(buffer.data(), static_cast<size_t>(in.gcount()));
    if (body.size() > max_bytes) return std::nullopt;
  }
  return body;
}

}  // namespace parting::server
