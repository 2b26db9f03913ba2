// Plan: the contract facts of one letter, computed from a LetterRequest.
//
// MakePlan() applies the rules of domain.md: it finds the effective end date
// among the open routes, records which route won and how the date was derived
// (so a reviewer can check it), decides which sections the letter has, and
// collects warnings for review. It never touches text or templates. Pure and
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parting/date.h"
#include "parting/request.h"
#include "parting/status.h"

namespace parting {

enum class Route { kOrdinaryNotice, kEndOfTerm, kForCause, kRequested };
std::string_view RouteName(Route route);  ///< "ordinary_notice", …

/// The letter's parts, in the order they appear (domain.md).
enum class Section {
  kThanks,
  kDecision,
  kContract,
  kProjects,
  kTransition,
  kGoodwill,
  kApology,
  kAlternatives,
  kClosing,
};
std::string_view SectionName(Section section);  ///< "thanks", …

struct Warning {
  std::string code;     ///< stable id, e.g. "project_after_end"
  std::string pointer;  ///< the JSON pointer of the field it concerns
  std::string message;  ///< English, ISO dates: stable, for integrations
  std::string text;     ///< the same in the letter's language, its long dates
};

/// One route that was open, with the date it gives and why.
struct RouteOption {
  Route route;
  Date date;
  std::string derivation;  ///< "notice 3 months from 2026-11-22 = 2027-02-22, …"
  std::string derivation_text;  ///< the same in the letter's language
};

struct Plan {
  Date letter_date;
  /// The day notice counts from (domain.md): termination.receipt_date, else
  /// the letter date. A termination for cause takes effect on it.
  Date receipt_date;
  Date effective_end_date;
  Route route = Route::kOrdinaryNotice;
  std::string derivation;             ///< how effective_end_date was reached
  std::string derivation_text;        ///< the same in the letter's language
  /// The latest day of receipt for which effective_end_date still holds: the
  /// largest r >= receipt_date such that the plan computed with receipt r has
  /// the same effective end date (and, for a requested date, still allows it).
  /// The sender plans the dispatch around it; the reviewer sees it first.
  Date receive_by;
  std::string receive_by_derivation;  ///< how receive_by was found, English
  std::string receive_by_text;        ///< the same in the letter's language
  /// The documented situations back a claim of "repeatedly" or "over recent
  /// months": at least two of them, the first and the last at least
  /// kRepeatedSpanDays apart. Templates word such a claim only when it is
  /// true (compose context flag `situations_repeated`).
  bool situations_repeated = false;
  std::vector<RouteOption> options;   ///< every open route, earliest first
  Date earliest_lawful_date;          ///< the earliest date of the open routes
  /// The contract ends at a fixed term's end rather than mid-term (also when
  /// that end comes only after the notice period would have run out).
  bool ends_at_term_end = false;
  /// A term end that the notice no longer reaches and the contract does not
  /// renew: the letter confirms it will not be continued.
  bool confirms_non_renewal = false;
  /// Advice for the reviewer that is not a defect, e.g. that ending at a term
  /// end a few days later would be gentler than ending mid-term. English.
  std::vector<std::string> notes;
  std::vector<std::string> notes_text;  ///< `notes` in the letter's language
  std::vector<Section> sections;
  std::vector<Warning> warnings;
};

/// How far apart the first and the last documented situation must lie for
/// Plan::situations_repeated: four weeks, so that "over recent months" is
/// more than one bad week.
inline constexpr int kRepeatedSpanDays = 28;

/// Computes the plan. Returns kInvalid (pointer /termination/requested_end_date,
/// message naming the earliest lawful date) when the requested end date is
/// earlier than the contract allows.
Result<Plan> MakePlan(const LetterRequest& request);

/// The plan as the JSON object of api.md (effective_end_date, route,
/// derivation, sections, warnings, …), compact, keys in a stable order.
std::string PlanToJson(const Plan& plan);

}  // namespace parting
