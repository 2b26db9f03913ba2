// What a salutation and a date line need from free-form names and addresses.
//
// Only what the input states is taken: a family name is the last word of the
// name with its particles ("von", "van der"), never a guess from a list of
// first names. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace parting::compose {

struct NameParts {
  std::string title;    ///< leading academic titles, "Dr." or "Prof. Dr.", may be ""
  std::string surname;  ///< "Müller", "von Bergen", "" for an empty name
};

/// "Dr. Thomas Müller" -> {"Dr.", "Müller"}; "Anna von Bergen" -> {"", "von
/// Bergen"}; "Müller, Thomas" -> {"", "Müller"}; "Cher" -> {"", "Cher"}.
NameParts SplitName(std::string_view name);

/// The town of an address whose last line reads "postcode town" ("20457
/// Hamburg", "00-950 Warszawa", "D-20457 Hamburg"); "" for any other form.
std::string TownOf(const std::vector<std::string>& address);

}  // namespace parting::compose
