// Amount: a sum of money as an exact decimal, never floating point.
//
// Stored in hundredths (cents): requests give at most two decimals. Parsing is
// strict: "1250", "1250.5", "1250.00"; no sign, no exponent, no grouping.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parting {

struct Amount {
  int64_t cents = 0;

  /// Parses a non-negative decimal string with at most two decimals and at
  /// most 13 integer digits. nullopt for anything else.
  static std::optional<Amount> FromDecimal(std::string_view text);
  /// "1250.00": always two decimals, '.' as separator.
  std::string ToDecimal() const;

  auto operator<=>(const Amount&) const = default;
};

}  // namespace parting
