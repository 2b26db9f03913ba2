// The parts of a letter that are not templated prose: letterhead, address
// window, reference lines, closing, signature, footer and PDF metadata.
// Pure, thread-safe.
#pragma once

#include "compose/document.h"
#include "compose/template_set.h"
#include "parting/date.h"
#include "parting/request.h"

namespace parting::compose {

/// A Document with everything filled except the body, subject, salutation,
/// date line and title (those come from the templates).
Document Letterhead(const LetterRequest& request, const Labels& labels);

/// `doc.signed_label` filled with `signer` (the signing certificate's name)
/// and `date` in the letter's language: the words layout writes in a signed
/// letter's signature field ("Digital signiert von Nordlicht Consulting GmbH
/// am 29. November 2026").
std::string SignatureCaption(const Document& doc, const std::string& signer, Date date);

}  // namespace parting::compose
