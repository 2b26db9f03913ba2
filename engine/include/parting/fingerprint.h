// The canonical form of a request and its fingerprint.
//
// Two requests that mean the same letter (same fields after defaults are
// applied, whatever their key order, spacing or omitted defaults) have the
// same canonical JSON and so the same fingerprint: the SHA-256 of that JSON,
// as 64 lowercase hex digits. Draft review pages print it; batch runs use it
// to skip letters already written. Pure and thread-safe.
#pragma once

#include <string>

#include "parting/request.h"

namespace parting {

/// Compact JSON with every field of the request in schema order, defaults
/// written out, optional fields that are absent left out.
std::string CanonicalJson(const LetterRequest& request);

/// SHA-256 of CanonicalJson(request), lowercase hex.
std::string Fingerprint(const LetterRequest& request);

}  // namespace parting
