// The review part of a draft copy: facts with their derivations, warnings,
// the template version and the request's fingerprint, and the notes that pin
// each warning to the letter part it concerns.
#pragma once

#include <string>

#include "compose/document.h"
#include "compose/template_set.h"
#include "parting/plan.h"
#include "parting/request.h"

namespace parting::compose {

/// The letter part a field of the request shows up in: /projects/… in the
/// projects, /goodwill/… in the goodwill, /contract/… in the contract basis.
Section SectionForPointer(const std::string& pointer);

Review BuildReview(const LetterRequest& request, const Plan& plan, const TemplateSet& set);

}  // namespace parting::compose
