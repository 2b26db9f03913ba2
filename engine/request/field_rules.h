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
/// One '@', a non-empty local part, a domain with an inner dot, no spaces.
bool IsEmailAddress(std::string_view text);

std::optional<std::string> ReadCurrency(const Node& node, ErrorSink& sink);
/// Two uppercase letters (ISO 3166-1 alpha-2).
std::optional<std::string> ReadCountry(const Node& node, ErrorSink& sink);
std::optional<std::string> ReadEmail(const Node& node, ErrorSink& sink);

}  // namespace parting::request
