// The reason ids the request model accepts (languages: core/language.cc).
#include <algorithm>

#include "parting/request.h"

namespace parting {

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
