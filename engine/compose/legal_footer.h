// The footer with the sender's legal identity (sender.legal), in the
// letter's language and the order its country's business letters use: the
// company and its legal form, seat, register court and number, managing
// directors, VAT and tax numbers, share capital (§ 35a GmbHG, art. 206 KSH,
// …). Only what the request gives is printed; nothing is filled in. Pure,
// thread-safe.
#pragma once

#include <string>
#include <vector>

#include "compose/template_set.h"
#include "parting/request.h"

namespace parting::compose {

/// The footer's pieces ("Sitz der Gesellschaft: Hamburg", "HRB 123456"), in
/// order; layout joins them with " · " and breaks lines between pieces.
/// Empty when the request has no sender.legal.
std::vector<std::string> LegalFooter(const LetterRequest& request, const Labels& labels);

}  // namespace parting::compose
