// Placeholders in localized labels ("Seite {page} von {pages}"): filled by
// plain replacement. Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace parting {

/// Replaces every `placeholder` in `text` with `value` (a value that holds
/// the placeholder is not replaced again).
void FillPlaceholder(std::string& text, std::string_view placeholder, std::string_view value);

}  // namespace parting
