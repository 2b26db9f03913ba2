// ReadProjects and ReadTransition: the work still to deliver and the handover.
#include "request/field_rules.h"
#include "request/sections.h"

namespace parting::request {
namespace {

std::optional<Contact> ReadContact(const Node& node, ErrorSink& sink) {
  std::optional<ObjectReader> object = ReadObject(node, {"name", "email", "phone"}, sink);
  if (!object) return std::nullopt;
  Contact contact;
  const std::optional<std::string> name =
      ReadRequiredString(object->Field("name"), kNameChars, sink);
  contact.name = name.value_or("");
  contact.email = ReadEmail(object->Field("email"), sink).value_or("");
  contact.phone = ReadString(object->Field("phone"), kNameChars, sink).value_or("");
  if (!name) return std::nullopt;
  return contact;
}

std::vector<Alternative> ReadAlternatives(const Node& node, ErrorSink& sink) {
  std::vector<Alternative> alternatives;
  for (const Node& item : ReadArray(node, kListItems, sink).value_or(std::vector<Node>())) {
    if (!Require(item, sink)) continue;
    std::optional<ObjectReader> object = ReadObject(item, {"name", "note"}, sink);
    if (!object) continue;
    const std::optional<std::string> name =
        ReadRequiredString(object->Field("name"), kNameChars, sink);
    const std::optional<std::string> note = ReadString(object->Field("note"), kTextChars, sink);
    if (name) alternatives.push_back({*name, note.value_or("")});
  }
  return alternatives;
}

}  // namespace

std::vector<Project> ReadProjects(const Node& node, ErrorSink& sink) {
  std::vector<Project> projects;
  for (const Node& item : ReadArray(node, kListItems, sink).value_or(std::vector<Node>())) {
    if (!Require(item, sink)) continue;
    std::optional<ObjectReader> object = ReadObject(item, {"name", "deliverable", "due"}, sink);
    if (!object) continue;
    const std::optional<std::string> name =
        ReadRequiredString(object->Field("name"), kNameChars, sink);
    const std::optional<std::string> deliverable =
        ReadString(object->Field("deliverable"), kTextChars, sink);
    const std::optional<Date> due = ReadDate(object->Field("due"), sink);
    if (name) projects.push_back({*name, deliverable.value_or(""), due});
  }
  return projects;
}

Transition ReadTransition(const Node& node, ErrorSink& sink) {
  Transition transition;
  std::optional<ObjectReader> object =
      ReadObject(node, {"handover", "handover_by", "contact", "alternatives"}, sink);
  if (!object) return transition;
  for (const Node& item :
       ReadArray(object->Field("handover"), kListItems, sink).value_or(std::vector<Node>()))
    if (std::optional<std::string> text = ReadRequiredString(item, kNameChars, sink))
      transition.handover.push_back(std::move(*text));
  transition.handover_by = ReadDate(object->Field("handover_by"), sink);
  transition.contact = ReadContact(object->Field("contact"), sink);
  transition.alternatives = ReadAlternatives(object->Field("alternatives"), sink);
  return transition;
}

}  // namespace parting::request
