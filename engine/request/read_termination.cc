// ReadTermination: why the relationship ends and what documents it.
#include <map>

#include "request/sections.h"

namespace parting::request {
namespace {

std::vector<std::string> ReadReasons(const Node& node, ErrorSink& sink) {
  std::vector<std::string> reasons;
  std::map<std::string, std::string> first_seen;  // id → its pointer
  for (const Node& item : ReadArray(node, kListItems, sink).value_or(std::vector<Node>())) {
    std::optional<std::string> id = ReadRequiredString(item, kNameChars, sink);
    if (!id || id->empty()) continue;
    if (!IsKnownReason(*id)) {
      sink.Add(item.pointer, "is not in the reason catalog: " + *id);
      continue;
    }
    if (auto [it, fresh] = first_seen.emplace(*id, item.pointer); !fresh) {
      sink.Add(item.pointer, "repeats the reason at " + it->second);
      continue;
    }
    reasons.push_back(std::move(*id));
  }
  return reasons;
}

std::vector<DocumentedSituation> ReadSituations(const Node& node, ErrorSink& sink) {
  std::vector<DocumentedSituation> situations;
  for (const Node& item : ReadArray(node, kListItems, sink).value_or(std::vector<Node>())) {
    if (!Require(item, sink)) continue;
    std::optional<ObjectReader> object = ReadObject(item, {"date", "text"}, sink);
    if (!object) continue;
    const Node date_node = object->Field("date");
    const Node text_node = object->Field("text");
    const bool has_date = Require(date_node, sink);
    const std::optional<Date> date = ReadDate(date_node, sink);
    const std::optional<std::string> text = ReadRequiredString(text_node, kTextChars, sink);
    if (has_date && date && text) situations.push_back({*date, *text});
  }
  return situations;
}

}  // namespace

Termination ReadTermination(const Node& node, ErrorSink& sink) {
  Termination termination;
  std::optional<ObjectReader> object = ReadObject(
      node, {"reasons", "documented_situations", "requested_end_date", "receipt_date", "for_cause"},
      sink);
  if (!object) return termination;
  termination.reasons = ReadReasons(object->Field("reasons"), sink);
  termination.documented_situations = ReadSituations(object->Field("documented_situations"), sink);
  termination.requested_end_date = ReadDate(object->Field("requested_end_date"), sink);
  termination.receipt_date = ReadDate(object->Field("receipt_date"), sink);
  termination.for_cause = ReadBool(object->Field("for_cause"), sink).value_or(false);
  return termination;
}

}  // namespace parting::request
