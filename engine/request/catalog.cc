// The languages and reason ids the request model accepts.
#include <algorithm>

#include "parting/request.h"

namespace parting {

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kEn: return "en";
    case Language::kDe: return "de";
    case Language::kPt: return "pt";
    case Language::kPl: return "pl";
    case Language::kTh: return "th";
  }
  return "en";
}

std::optional<Language> LanguageFromCode(std::string_view code) {
  for (Language l : AllLanguages())
    if (LanguageCode(l) == code) return l;
  return std::nullopt;
}

const std::vector<Language>& AllLanguages() {
  static const std::vector<Language> kAll = {Language::kEn, Language::kDe, Language::kPt,
                                             Language::kPl, Language::kTh};
  return kAll;
}

const std::vector<std::string>& ReasonIds() {
  static const std::vector<std::string> kIds = {
      "constant_complaints",   "abusive_to_staff",  "no_growth_potential",
      "no_referrals",          "unprofitable",      "unethical_conduct",
      "values_mismatch",       "time_drain",        "rejects_recommendations",
      "lack_of_respect",       "poor_communication", "stalled_relationship",
      "persistent_negativity", "unreasonable_demands", "payment_problems",
      "strategic_change",
  };
  return kIds;
}

bool IsKnownReason(std::string_view id) {
  const auto& ids = ReasonIds();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace parting
