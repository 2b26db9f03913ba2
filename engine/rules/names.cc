// Stable names of routes and sections, as the plan JSON spells them.
#include "parting/plan.h"

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
  switch (section) {
    case Section::kThanks: return "thanks";
    case Section::kDecision: return "decision";
    case Section::kContract: return "contract";
    case Section::kProjects: return "projects";
    case Section::kTransition: return "transition";
    case Section::kGoodwill: return "goodwill";
    case Section::kApology: return "apology";
    case Section::kAlternatives: return "alternatives";
    case Section::kClosing: return "closing";
  }
  return "thanks";
}

}  // namespace parting
