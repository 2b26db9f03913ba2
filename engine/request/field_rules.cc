#include "request/field_rules.h"

#include <unicode/ucurr.h>
#include <unicode/uenum.h>

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

}  // namespace

bool IsKnownCurrency(std::string_view code) {
  static const std::set<std::string> kCodes = LoadCurrencies();
  return IsUpperLetters(code, 3) && kCodes.count(std::string(code)) > 0;
}

bool IsEmailAddress(std::string_view text) {
  const size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  if (text.find('@', at + 1) != std::string_view::npos) return false;
  if (text.find_first_of(" \t") != std::string_view::npos) return false;
  const std::string_view domain = text.substr(at + 1);
  const size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.';
}

std::optional<std::string> ReadCurrency(const Node& node, ErrorSink& sink) {
  std::optional<std::string> code = ReadString(node, kNameChars, sink);
  if (!code || code->empty()) return std::nullopt;
  if (!IsUpperLetters(*code, 3)) {
    sink.Add(node.pointer, "must be a three-letter ISO 4217 currency code such as EUR");
    return std::nullopt;
  }
  if (!IsKnownCurrency(*code)) {
    sink.Add(node.pointer, "is not an ISO 4217 currency code in use: " + *code);
    return std::nullopt;
  }
  return code;
}

std::optional<std::string> ReadCountry(const Node& node, ErrorSink& sink) {
  std::optional<std::string> code = ReadString(node, kNameChars, sink);
  if (!code || code->empty()) return std::nullopt;
  if (!IsUpperLetters(*code, 2)) {
    sink.Add(node.pointer, "must be a two-letter ISO 3166 country code such as DE");
    return std::nullopt;
  }
  return code;
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
