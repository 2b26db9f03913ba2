// PlanToJson(): the plan as compact JSON, keys in a fixed order, so that the
// same plan always gives the same bytes.
#include "core/json_string.h"
#include "parting/plan.h"

namespace parting {

std::string PlanToJson(const Plan& plan) {
  using Json = nlohmann::ordered_json;
  Json options = Json::array();
  for (const RouteOption& option : plan.options)
    options.push_back({{"route", RouteName(option.route)},
                       {"date", option.date.ToIso()},
                       {"derivation", option.derivation},
                       {"derivation_text", option.derivation_text}});
  Json sections = Json::array();
  for (Section section : plan.sections) sections.push_back(SectionName(section));
  Json warnings = Json::array();
  for (const Warning& warning : plan.warnings)
    warnings.push_back({{"code", warning.code},
                        {"pointer", warning.pointer},
                        {"message", warning.message},
                        {"text", warning.text}});
  return DumpJson(Json{{"letter_date", plan.letter_date.ToIso()},
                       {"receipt_date", plan.receipt_date.ToIso()},
                       {"effective_end_date", plan.effective_end_date.ToIso()},
                       {"receive_by", plan.receive_by.ToIso()},
                       {"receive_by_derivation", plan.receive_by_derivation},
                       {"receive_by_text", plan.receive_by_text},
                       {"route", RouteName(plan.route)},
                       {"derivation", plan.derivation},
                       {"derivation_text", plan.derivation_text},
                       {"earliest_lawful_date", plan.earliest_lawful_date.ToIso()},
                       {"ends_at_term_end", plan.ends_at_term_end},
                       {"confirms_non_renewal", plan.confirms_non_renewal},
                       {"situations_repeated", plan.situations_repeated},
                       {"options", std::move(options)},
                       {"notes", plan.notes},
                       {"notes_text", plan.notes_text},
                       {"sections", std::move(sections)},
                       {"warnings", std::move(warnings)}});
}

}  // namespace parting
