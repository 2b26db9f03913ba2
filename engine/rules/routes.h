// The open routes of one request for a given day of receipt: shared by the
// effective end date (effective_date.cc) and the receipt deadline
// (receive_by.cc), which asks what the routes give one day later.
#pragma once

#include <optional>
#include <vector>

#include "parting/plan.h"
#include "parting/request.h"
#include "rules/words.h"

namespace parting::rules {

/// What the end-of-term route found, beyond its date.
struct TermRoute {
  RouteOption option;
  bool at_term_end = false;           ///< the date is the end of a (renewed) term
  bool confirms_non_renewal = false;  ///< the term ends and is not continued
};

struct OpenRoutes {
  std::optional<RouteOption> ordinary;
  std::optional<TermRoute> term;
  std::optional<RouteOption> for_cause;
  std::vector<RouteOption> sorted;  ///< the open ones, earliest first
};

/// The day notice counts from: termination.receipt_date, else the letter date.
Date ReceiptDate(const LetterRequest& request);

/// Every route of domain.md as it stands when the letter is received on
/// `receipt`, worded by `words`.
OpenRoutes FindRoutes(const LetterRequest& request, Date receipt, const Words& words);

}  // namespace parting::rules
