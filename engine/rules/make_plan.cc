// MakePlan(): the end date, then the sections, then the warnings about both.
#include "rules/steps.h"

namespace parting {

Result<Plan> MakePlan(const LetterRequest& request) {
  Plan plan;
  plan.letter_date = request.letter_date;
  Status status = rules::ComputeEndDate(request, &plan);
  if (!status.ok()) return status;
  rules::ComputeReceiveBy(request, &plan);
  plan.situations_repeated = rules::SituationsRepeated(request);
  plan.sections = rules::ChooseSections(request);
  plan.warnings = rules::CollectWarnings(request, plan);
  return plan;
}

}  // namespace parting
