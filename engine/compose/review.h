// The review part of a draft copy, in the letter's language: the receipt
// deadline first, facts with their derivations, warnings in words, the letter
// parts by their names, the template version and the request's fingerprint,
// and the notes that pin each warning to the letter part it concerns.
#pragma once

#include <string>
#include <string_view>

#include "compose/document.h"
#include "compose/template_set.h"
#include "parting/plan.h"
#include "parting/request.h"

namespace parting::compose {

/// The letter part a field of the request shows up in: /projects/… in the
/// projects, /goodwill/… in the goodwill, /contract/… in the contract basis.
Section SectionForPointer(const std::string& pointer);

/// A letter part's name as the review page gives it: "Vertragsgrundlage".
std::string_view SectionTitle(Language language, Section section);

Review BuildReview(const LetterRequest& request, const Plan& plan, const TemplateSet& set);

}  // namespace parting::compose
