// PlanToJson(): the plan as compact JSON, keys in a fixed order, so that the
// same plan always gives the same bytes.
#include <cstdio>

#include "core/json_string.h"
#include "parting/plan.h"

namespace parting {
namespace {

void AppendKey(std::string& out, std::string_view key) {
  if (out.back() != '{') out += ',';
  AppendJsonString(out, key);
  out += ':';
}

void AppendField(std::string& out, std::string_view key, std::string_view value) {
  AppendKey(out, key);
  AppendJsonString(out, value);
}

void AppendBool(std::string& out, std::string_view key, bool value) {
  AppendKey(out, key);
  out += value ? "true" : "false";
}

/// `key: [item, …]`, each item written by `append(out, item)`.
template <typename T, typename F>
void AppendArray(std::string& out, std::string_view key, const std::vector<T>& items, F append) {
  AppendKey(out, key);
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append(out, items[i]);
  }
  out += ']';
}

}  // namespace

std::string PlanToJson(const Plan& plan) {
  std::string out = "{";
  AppendField(out, "letter_date", plan.letter_date.ToIso());
  AppendField(out, "receipt_date", plan.receipt_date.ToIso());
  AppendField(out, "effective_end_date", plan.effective_end_date.ToIso());
  AppendField(out, "receive_by", plan.receive_by.ToIso());
  AppendField(out, "receive_by_derivation", plan.receive_by_derivation);
  AppendField(out, "receive_by_text", plan.receive_by_text);
  AppendField(out, "route", RouteName(plan.route));
  AppendField(out, "derivation", plan.derivation);
  AppendField(out, "derivation_text", plan.derivation_text);
  AppendField(out, "earliest_lawful_date", plan.earliest_lawful_date.ToIso());
  AppendBool(out, "ends_at_term_end", plan.ends_at_term_end);
  AppendBool(out, "confirms_non_renewal", plan.confirms_non_renewal);
  AppendBool(out, "situations_repeated", plan.situations_repeated);
  AppendArray(out, "options", plan.options, [](std::string& o, const RouteOption& option) {
    o += '{';
    AppendField(o, "route", RouteName(option.route));
    AppendField(o, "date", option.date.ToIso());
    AppendField(o, "derivation", option.derivation);
    AppendField(o, "derivation_text", option.derivation_text);
    o += '}';
  });
  AppendArray(out, "notes", plan.notes,
              [](std::string& o, const std::string& note) { AppendJsonString(o, note); });
  AppendArray(out, "notes_text", plan.notes_text,
              [](std::string& o, const std::string& note) { AppendJsonString(o, note); });
  AppendArray(out, "sections", plan.sections,
              [](std::string& o, Section section) { AppendJsonString(o, SectionName(section)); });
  AppendArray(out, "warnings", plan.warnings, [](std::string& o, const Warning& warning) {
    o += '{';
    AppendField(o, "code", warning.code);
    AppendField(o, "pointer", warning.pointer);
    AppendField(o, "message", warning.message);
    AppendField(o, "text", warning.text);
    o += '}';
  });
  out += '}';
  return out;
}

}  // namespace parting
