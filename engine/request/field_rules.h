// Readers for the request's coded strings: currencies, countries, e-mails.
//
// Like json_reader.h: each reports a problem to the sink and returns nullopt;
// an absent or empty field is nullopt without a report. Thread-safe apart
// from the sink.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "request/json_reader.h"

namespace parting::request {

/// An ISO 4217 code in current use ("EUR"), checked against ICU's list.
bool IsKnownCurrency(std::string_view code);
/// One addr-spec (RFC 5322 dot-atom local part, '@', a host name with at
/// least two labels; non-ASCII allowed as RFC 6532 does): never a display
/// name, a list ("a@b.example,c@d.example"), a group or a header
/// ("Bcc:x@y.example"), nor a quoted local part.
bool IsEmailAddress(std::string_view text);
/// An ISO 3166-1 alpha-2 code that ICU knows (uloc_getISOCountries).
bool IsKnownCountry(std::string_view code);
/// The minor-unit digits of an ISO 4217 currency (JPY 0, EUR 2, KWD 3);
/// 2 for an unknown code.
int CurrencyFractionDigits(std::string_view code);

std::optional<std::string> ReadCurrency(const Node& node, ErrorSink& sink);
/// Two uppercase letters that IsKnownCountry().
std::optional<std::string> ReadCountry(const Node& node, ErrorSink& sink);
std::optional<std::string> ReadEmail(const Node& node, ErrorSink& sink);

}  // namespace parting::request
