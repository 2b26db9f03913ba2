// The parts of a letter that are not templated prose: letterhead, address
// window, reference lines, closing, signature, footer and PDF metadata.
// Pure, thread-safe.
#pragma once

#include "compose/document.h"
#include "compose/template_set.h"
#include "parting/request.h"

namespace parting::compose {

/// A Document with everything filled except the body, subject, salutation,
/// date line and title (those come from the templates).
Document Letterhead(const LetterRequest& request, const Labels& labels);

}  // namespace parting::compose
