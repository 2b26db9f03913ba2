// PlanToJson(): the plan as compact JSON, keys in a fixed order, so that the
// same plan always gives the same bytes.
#include "core/json_string.h"
#include "parting/plan.h"

namespace parting {

std::string PlanToJson(const Plan& plan) {
  using Json = nlohmann::ordered_json;
  Json out = JsonObject(18);
  out["letter_date"] = plan.letter_date.ToIso();
  out["receipt_date"] = plan.receipt_date.ToIso();
  out["effective_end_date"] = plan.effective_end_date.ToIso();
  out["receive_by"] = plan.receive_by.ToIso();
  out["receive_by_derivation"] = plan.receive_by_derivation;
  out["receive_by_text"] = plan.receive_by_text;
  out["route"] = RouteName(plan.route);
  out["derivation"] = plan.derivation;
  out["derivation_text"] = plan.derivation_text;
  out["earliest_lawful_date"] = plan.earliest_lawful_date.ToIso();
  out["ends_at_term_end"] = plan.ends_at_term_end;
  out["confirms_non_renewal"] = plan.confirms_non_renewal;
  out["situations_repeated"] = plan.situations_repeated;
  Json& options = out["options"] = Json::array();
  for (const RouteOption& option : plan.options) {
    Json& o = options.emplace_back(JsonObject(4));
    o["route"] = RouteName(option.route);
    o["date"] = option.date.ToIso();
    o["derivation"] = option.derivation;
    o["derivation_text"] = option.derivation_text;
  }
  out["notes"] = plan.notes;
  out["notes_text"] = plan.notes_text;
  Json& sections = out["sections"] = Json::array();
  for (Section section : plan.sections) sections.emplace_back(SectionName(section));
  Json& warnings = out["warnings"] = Json::array();
  for (const Warning& warning : plan.warnings) {
    Json& w = warnings.emplace_back(JsonObject(4));
    w["code"] = warning.code;
    w["pointer"] = warning.pointer;
    w["message"] = warning.message;
    w["text"] = warning.text;
  }
  return DumpJson(out);
}

}  // namespace parting
