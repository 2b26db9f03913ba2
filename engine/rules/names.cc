// Stable names of routes and sections, as the plan JSON spells them.
#include "parting/plan.h"
#include "parting/section.h"

namespace parting {

std::string_view RouteName(Route route) {
  switch (route) {
    case Route::kOrdinaryNotice: return "ordinary_notice";
    case Route::kEndOfTerm: return "end_of_term";
    case Route::kForCause: return "for_cause";
    case Route::kRequested: return "requested";
  }
  return "ordinary_notice";
}

std::string_view SectionName(Section section) {
  return kSections[static_cast<std::size_t>(section)].name;
}

}  // namespace parting
