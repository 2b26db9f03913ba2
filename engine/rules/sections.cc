// Which parts the letter has (domain.md, "What a good termination letter does").
#include <algorithm>

#include "rules/steps.h"

namespace parting::rules {

// domain.md: after abuse of staff or unethical conduct a letter offers no
// goodwill and does not apologise for the decision.
bool ReasonsRuleOutGoodwill(const LetterRequest& request) {
  const std::vector<std::string>& reasons = request.termination.reasons;
  return std::any_of(reasons.begin(), reasons.end(), [](const std::string& id) {
    return id == "abusive_to_staff" || id == "unethical_conduct";
  });
}

std::vector<Section> ChooseSections(const LetterRequest& request) {
  const Transition& transition = request.transition;
  const bool plain_parting = !ReasonsRuleOutGoodwill(request);
  std::vector<Section> sections = {Section::kThanks, Section::kDecision, Section::kContract};
  if (!request.projects.empty()) sections.push_back(Section::kProjects);
  if (!transition.handover.empty() || transition.handover_by || transition.contact)
    sections.push_back(Section::kTransition);
  if (request.goodwill.kind != GoodwillKind::kNone && plain_parting)
    sections.push_back(Section::kGoodwill);
  if (request.options.apology && plain_parting) sections.push_back(Section::kApology);
  if (!transition.alternatives.empty()) sections.push_back(Section::kAlternatives);
  sections.push_back(Section::kClosing);
  return sections;
}

}  // namespace parting::rules
