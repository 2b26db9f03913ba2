// The load-time check of one Mustache template against the context schema.
//
// Mustache prints a missing key as nothing; in a legal letter that is a
// silent gap ("by ."), so every tag is checked before the service starts:
// each name must be a key of context_schema.h reachable where it is used,
// values are printed, conditions and lists only open sections, an optional
// value is printed only inside its own {{#key}} guard, every partial exists,
// sections are balanced, and unescaped output ({{{x}}}, {{&x}}) and
// delimiter changes are refused. Pure, thread-safe.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace parting::compose {

/// Checks `text`; returns one "FILE:LINE: message" per problem, none when the
/// template is sound. `file` is how messages name the template, `partials`
/// the names {{>name}} may use.
std::vector<std::string> CheckTemplate(std::string_view text, std::string_view file,
                                       const std::set<std::string, std::less<>>& partials);

}  // namespace parting::compose
