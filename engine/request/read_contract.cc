// ReadContract: the agreement being ended and its notice rules.
#include "request/enum_names.h"
#include "request/field_rules.h"
#include "request/sections.h"

namespace parting::request {
namespace {

// Ten years in any unit: longer periods are typing errors, not contracts.
int MaxAmount(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDays:
      return 3650;
    case TimeUnit::kWeeks:
      return 520;
    case TimeUnit::kMonths:
      return 120;
  }
  return 0;
}

// { "amount": 3, "unit": "months" }
std::optional<Period> ReadPeriod(const Node& node, ErrorSink& sink) {
  std::optional<ObjectReader> object = ReadObject(node, {"amount", "unit"}, sink);
  if (!object) return std::nullopt;
  const Node amount_node = object->Field("amount");
  const Node unit_node = object->Field("unit");
  const bool has_amount = Require(amount_node, sink);
  const bool has_unit = Require(unit_node, sink);
  const std::optional<TimeUnit> unit = ReadEnum(unit_node, kTimeUnits, sink);
  // Without a known unit, check the amount against the widest range.
  const TimeUnit range_unit = unit.value_or(TimeUnit::kDays);
  const std::optional<int> amount = ReadInteger(amount_node, 0, MaxAmount(range_unit),
                                                unit ? NameOf(kTimeUnits, *unit) : "days", sink);
  if (!has_amount || !has_unit || !amount || !unit) return std::nullopt;
  return Period{*amount, *unit};
}

}  // namespace

Contract ReadContract(const Node& node, ErrorSink& sink, ContractFacts& facts) {
  Contract contract;
  std::optional<ObjectReader> object = ReadObject(
      node,
      {"title", "reference", "signed_on", "termination_clause", "notice_period", "notice_anchor",
       "term_end", "auto_renewal", "early_termination_allowed", "immediate_for_cause", "currency"},
      sink);
  if (!object) return contract;
  facts.is_object = true;

  contract.title = ReadString(object->Field("title"), kNameChars, sink).value_or("");
  contract.reference = ReadString(object->Field("reference"), kNameChars, sink).value_or("");
  contract.signed_on = ReadDate(object->Field("signed_on"), sink);
  contract.termination_clause =
      ReadString(object->Field("termination_clause"), kNameChars, sink).value_or("");

  const Node notice_period = object->Field("notice_period");
  facts.notice_period_given = Given(notice_period);
  contract.notice_period = ReadPeriod(notice_period, sink);
  contract.notice_anchor = ReadEnum(object->Field("notice_anchor"), kNoticeAnchors, sink)
                               .value_or(NoticeAnchor::kAnyDay);

  const Node term_end = object->Field("term_end");
  contract.term_end = ReadDate(term_end, sink);
  facts.term_end_given = Given(term_end);

  if (std::optional<ObjectReader> renewal =
          ReadObject(object->Field("auto_renewal"), {"period"}, sink)) {
    const Node period = renewal->Field("period");
    if (Require(period, sink)) contract.auto_renewal = ReadPeriod(period, sink);
  }

  // api.md: early termination is allowed unless the contract runs to a fixed end.
  contract.early_termination_allowed =
      ReadBool(object->Field("early_termination_allowed"), sink).value_or(!facts.term_end_given);
  contract.immediate_for_cause =
      ReadBool(object->Field("immediate_for_cause"), sink).value_or(false);
  contract.currency = ReadCurrency(object->Field("currency"), sink).value_or("");
  return contract;
}

}  // namespace parting::request
