// A request's field and its error in words a person reads: the command line
// and the HTTP problem title say "recipient address is missing" where the JSON
// pointer says "/recipient/address". English only; the pointer stays the
// machine-readable name of a field (FieldError), these are for people.
// Pure functions, thread-safe.
//
//   FieldInWords("/projects/0/due")                 → "project 1 due date"
//   ErrorInWords({"/recipient/name", "is required"}) → "recipient name is missing"
#pragma once

#include <string>
#include <string_view>

#include "parting/status.h"

namespace parting {

/// The field a JSON pointer names, in words ("" is "the request"). Pointers
/// into a comparison (/before/…, /after/…) name the version in brackets.
std::string FieldInWords(std::string_view pointer);

/// One sentence, without a final period: the field in words and the message
/// ("contract currency must be one of …", "sender has an unknown field
/// 'nmae' (did you mean 'name'?)"); a message about the whole document that
/// does not continue a sentence is left as it is ("line 1, column 2: …").
std::string ErrorInWords(const FieldError& error);

}  // namespace parting
