// Names and titles: what an address line and a salutation need from the
// free-form name of the request, per language.
//
// Only what the input states is taken: a family name is the last word of the
// name with its particles ("von", "van der"), never a guess from a list of
// first names. A title is a word from the known lists below ("Dr.", "Prof.",
// "dr hab.", Thai นาย / นางสาว / ดร.), never any word with a dot: "J. R.
// Schmidt" has initials, not titles. A courtesy word the name carries ("Mr.",
// "Herr", "Sra.", "Pani") is taken out of the name and stands for the form
// of address when the request gives none, so that no letter says "Mr. Mr.".
// Pure functions, thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "parting/request.h"

namespace parting::compose {

struct NameParts {
  std::string title;    ///< leading academic titles as given, "Dr." or "Prof. Dr.", may be ""
  std::string bare;     ///< the name without courtesy words and titles: "Maria Keller"
  std::string surname;  ///< "Müller", "von Bergen", "" for an empty name
  /// A courtesy word the name began with ("Mr.", "Herr", "Sra."); "" for none.
  std::string courtesy;
  /// The form of address that courtesy word stands for; kNeutral for none.
  FormOfAddress courtesy_form = FormOfAddress::kNeutral;
  /// Thai: the title the name is written with (นาย, นาง, นางสาว, ดร., ศ.ดร.,
  /// คุณ, …), which stays part of the name; "" for none.
  std::string thai_title;
};

/// "Dr. Thomas Müller" -> {"Dr.", "Thomas Müller", "Müller"}; "Anna von
/// Bergen" -> {"", …, "von Bergen"}; "Müller, Thomas" -> surname "Müller";
/// "J. R. Schmidt" -> no title; "นางสาวสมหญิง ใจดี" -> thai_title "นางสาว".
NameParts SplitName(std::string_view name);

/// How the letter names the person, in `language`, given the request's form
/// of address (a courtesy word in the name counts when it is neutral).
struct AddressedPerson {
  /// The name line of the address window: "Dr. Maria Keller" (en, never
  /// "Mr. Dr."), "Herrn Dr. Thomas Müller", "Dr. Ricardo Almeida" /
  /// "Dra. Ana Souza", "Pan dr Jan Kowalski", "คุณสมชาย ใจดี" /
  /// "นางสาวสมหญิง ใจดี". "" for an empty name.
  std::string window_line;
  /// The title a salutation uses, in the language's form: "Dr." (en, de),
  /// "Prof." (de), "Professor" (en), "Dra." (pt), "Doktorze" / "Pani
  /// Doktor"'s "Doktor" (pl vocative), "" when the name has none.
  std::string salutation_title;
  FormOfAddress form = FormOfAddress::kNeutral;  ///< the form in effect
  NameParts parts;
};

/// `courtesy` gives the language's word before a name of each form
/// ("Herrn", "Mr.", "Sr.", "Pan", "คุณ"; labels.json name_prefix), "" for none.
AddressedPerson AddressPerson(Language language, FormOfAddress form, std::string_view name,
                              const std::map<FormOfAddress, std::string>& courtesy);

/// The town of an address whose last line reads "postcode town" ("20457
/// Hamburg", "00-950 Warszawa", "D-20457 Hamburg"); "" for any other form.
std::string TownOf(const std::vector<std::string>& address);

}  // namespace parting::compose
