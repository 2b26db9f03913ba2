#include "request/field_rules.h"

#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <set>

namespace parting::request {
namespace {

bool IsUpperLetters(std::string_view text, size_t count) {
  if (text.size() != count) return false;
  for (char c : text)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

std::set<std::string> LoadCurrencies() {
  std::set<std::string> codes;
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration* all = ucurr_openISOCurrencies(UCURR_NON_DEPRECATED, &status);
  if (U_FAILURE(status)) return codes;
  while (true) {
    int32_t length = 0;
    const char* code = uenum_next(all, &length, &status);
    if (U_FAILURE(status) || code == nullptr) break;
    codes.emplace(code, static_cast<size_t>(length));
  }
  uenum_close(all);
  return codes;
}

std::set<std::string> LoadCountries() {
  std::set<std::string> codes;
  for (const char* const* code = uloc_getISOCountries(); *code; ++code) codes.emplace(*code);
  return codes;
}

// RFC 5322 atext, and any byte of a non-ASCII UTF-8 character (RFC 6532).
bool IsAtomChar(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte >= 0x80) return true;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// Atoms joined by single dots: the dot-atom of RFC 5322, which cannot hold a
// comma, a colon, a semicolon, angle brackets, quotes or spaces, so that an
// address is one address and never a list, a group or a second header.
bool IsDotAtom(std::string_view text, bool (*allowed)(char)) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.') {
      if (text[i + 1] == '.') return false;
    } else if (!allowed(text[i])) {
      return false;
    }
  }
  return true;
}

// A host name's letters, digits and hyphens, or non-ASCII (an IDN).
bool IsDomainChar(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-';
}

// An ISO code: `letters` upper-case letters that `known` accepts.
struct CodeRule {
  size_t letters;
  bool (*known)(std::string_view code);
  const char* shape_message;    ///< when it is not `letters` letters
  const char* unknown_message;  ///< followed by the code
};

std::optional<std::string> ReadCode(const Node& node, ErrorSink& sink, const CodeRule& rule) {
  std::optional<std::string> code = ReadString(node, kNameChars, sink);
  if (!code || code->empty()) return std::nullopt;
  if (!IsUpperLetters(*code, rule.letters)) {
    sink.Add(node.pointer, rule.shape_message);
    return std::nullopt;
  }
  if (!rule.known(*code)) {
    sink.Add(node.pointer, rule.unknown_message + *code);
    return std::nullopt;
  }
  return code;
}

}  // namespace

bool IsKnownCountry(std::string_view code) {
  static const std::set<std::string> kCodes = LoadCountries();
  return IsUpperLetters(code, 2) && kCodes.count(std::string(code)) > 0;
}

int CurrencyFractionDigits(std::string_view code) {
  if (!IsUpperLetters(code, 3)) return 2;
  const UChar iso[4] = {static_cast<UChar>(code[0]), static_cast<UChar>(code[1]),
                        static_cast<UChar>(code[2]), 0};
  UErrorCode status = U_ZERO_ERROR;
  const int32_t digits = ucurr_getDefaultFractionDigits(iso, &status);
  return U_FAILURE(status) ? 2 : digits;
}

bool IsKnownCurrency(std::string_view code) {
  static const std::set<std::string> kCodes = LoadCurrencies();
  return IsUpperLetters(code, 3) && kCodes.count(std::string(code)) > 0;
}

bool IsEmailAddress(std::string_view text) {
  const size_t at = text.find('@');
  if (at == std::string_view::npos) return false;
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.size() > 64 || domain.size() > 253) return false;
  if (!IsDotAtom(local, IsAtomChar) || !IsDotAtom(domain, IsDomainChar)) return false;
  if (domain.find('.') == std::string_view::npos)
    return false;  // a host on its own is no mail domain
  // No label begins or ends with a hyphen.
  for (size_t start = 0; start <= domain.size();) {
    const size_t end = std::min(domain.find('.', start), domain.size());
    const std::string_view label = domain.substr(start, end - start);
    if (label.front() == '-' || label.back() == '-' || label.size() > 63) return false;
    start = end + 1;
  }
  return true;
}

std::optional<std::string> ReadCurrency(const Node& node, ErrorSink& sink) {
  return ReadCode(node, sink,
                  {3, IsKnownCurrency, "must be a three-letter ISO 4217 currency code such as EUR",
                   "is not an ISO 4217 currency code in use: "});
}

std::optional<std::string> ReadCountry(const Node& node, ErrorSink& sink) {
  return ReadCode(node, sink,
                  {2, IsKnownCountry, "must be a two-letter ISO 3166 country code such as DE",
                   "is not an ISO 3166 country code: "});
}

std::optional<std::string> ReadEmail(const Node& node, ErrorSink& sink) {
  std::optional<std::string> address = ReadString(node, kNameChars, sink);
  if (!address || address->empty()) return std::nullopt;
  if (!IsEmailAddress(*address)) {
    sink.Add(node.pointer, "is not an e-mail address");
    return std::nullopt;
  }
  return address;
}

}  // namespace parting::request
