// The first page of a redline, in the letter's language: the facts that
// differ between the earlier and the current draft (effective end date,
// receipt deadline, letter date, goodwill amount), how many words the text
// gains and loses, the letter parts added or removed and the warnings new,
// changed (same concern, other facts) or gone; or, when nothing differs, that
// there are no changes.
#pragma once

#include "compose/document.h"
#include "compose/redline.h"
#include "parting/plan.h"
#include "parting/request.h"

namespace parting::compose {

/// One draft as the changes page compares it.
struct DraftFacts {
  const LetterRequest& request;
  const Plan& plan;
  const Document& document;  ///< composed, before any redline
};

/// The changes page for `after` against `before`, in `after`'s language;
/// `counts` are the words the redline of their bodies marks. Its facts are
/// label and "was …; now …"; its list (warnings) names parts and warnings.
Review BuildChanges(const DraftFacts& before, const DraftFacts& after, RedlineCounts counts);

}  // namespace parting::compose
