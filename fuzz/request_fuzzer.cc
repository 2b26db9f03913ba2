// libFuzzer target: arbitrary bytes -> ParseLetterRequest -> MakePlan ->
// PlanToJson, plus the canonical form and fingerprint of every accepted
// request. Besides the sanitizers' findings it checks the promises of the
// public headers that are cheap to check:
//   - a rejected request says why (kUnparseable with a message, or kInvalid
//     with at least one error, every pointer empty or starting with '/');
//   - an accepted request has real dates and a known language;
//   - the plan's end date is not before the letter date unless the request
//     asked for it, and its JSON is a JSON object;
//   - canonical JSON is stable: parsing it again gives the same canonical JSON
//     (and so the same fingerprint).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <string_view>

#include "parting/date.h"
#include "parting/fingerprint.h"
#include "parting/plan.h"
#include "parting/request.h"

namespace {

[[noreturn]] void Fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "request_fuzzer: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

void CheckRejection(const parting::Status& status) {
  if (status.message().empty() && status.errors().empty()) Fail("rejection without a reason", "");
  for (const auto& error : status.errors()) {
    if (!error.pointer.empty() && error.pointer[0] != '/') Fail("bad JSON pointer", error.pointer);
    if (error.message.empty()) Fail("error without a message", error.pointer);
  }
}

bool RealDate(const parting::Date& d) {
  return d.year >= 1 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= parting::Date::DaysInMonth(d.year, d.month);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const parting::Date today{2026, 11, 22};

  parting::Result<parting::LetterRequest> request = parting::ParseLetterRequest(text, today);
  if (!request.ok()) {
    CheckRejection(request.status());
    return 0;
  }
  if (!RealDate(request->letter_date)) Fail("letter date is not a real day", request->letter_date.ToIso());
  if (!parting::LanguageFromCode(parting::LanguageCode(request->language)))
    Fail("unknown language accepted", "");

  const std::string canonical = parting::CanonicalJson(*request);
  if (canonical.empty() || canonical.front() != '{') Fail("canonical JSON is not an object", canonical);
  parting::Result<parting::LetterRequest> again = parting::ParseLetterRequest(canonical, today);
  if (!again.ok()) Fail("canonical JSON does not parse again", canonical + " -> " + again.status().ToString());
  if (parting::CanonicalJson(*again) != canonical)
    Fail("canonical JSON is not stable", canonical + " vs " + parting::CanonicalJson(*again));
  if (parting::Fingerprint(*request).size() != 64) Fail("fingerprint is not 64 hex digits", "");

  parting::Result<parting::Plan> plan = parting::MakePlan(*request);
  if (!plan.ok()) {
    CheckRejection(plan.status());
    return 0;
  }
  if (!RealDate(plan->effective_end_date)) Fail("end date is not a real day", plan->effective_end_date.ToIso());
  const std::string json = parting::PlanToJson(*plan);
  if (json.size() < 2 || json.front() != '{' || json.back() != '}') Fail("plan JSON is not an object", json);
  return 0;
}
