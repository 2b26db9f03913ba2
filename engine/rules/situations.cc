// Whether the documented situations back a claim of "repeatedly" or "over
// recent months" (domain.md, "Warnings for review").
#include <algorithm>

#include "rules/steps.h"

namespace parting::rules {

// Only situations the letter can cite count: a blank text cites nothing.
bool SituationsRepeated(const LetterRequest& request) {
  std::optional<Date> first;
  std::optional<Date> last;
  int count = 0;
  for (const DocumentedSituation& situation : request.termination.documented_situations) {
    if (situation.text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    // A situation dated after the letter is not cited (it is a warning).
    if (request.letter_date < situation.date) continue;
    ++count;
    first = first ? std::min(*first, situation.date) : situation.date;
    last = last ? std::max(*last, situation.date) : situation.date;
  }
  return count >= 2 && last->ToDays() - first->ToDays() >= kRepeatedSpanDays;
}

}  // namespace parting::rules
