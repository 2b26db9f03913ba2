// ReadParty: the sender and the recipient of the letter.
#include "request/field_rules.h"
#include "request/sections.h"

namespace parting::request {
namespace {

constexpr EnumName<FormOfAddress> kFormsOfAddress[] = {
    {"mr", FormOfAddress::kMr},
    {"ms", FormOfAddress::kMs},
    {"neutral", FormOfAddress::kNeutral},
};

}  // namespace

Party ReadParty(const Node& node, PartyRole role, ErrorSink& sink) {
  Party party;
  const bool recipient = role == PartyRole::kRecipient;
  std::optional<ObjectReader> object =
      recipient
          ? ReadObject(node,
                       {"organization", "name", "role", "address", "country", "email", "phone",
                        "form_of_address"},
                       sink)
          : ReadObject(node,
                       {"organization", "name", "role", "address", "country", "email", "phone"},
                       sink);
  if (!object) return party;

  const Node organization_node = object->Field("organization");
  const Node name_node = object->Field("name");
  const std::optional<std::string> organization = ReadString(organization_node, kNameChars, sink);
  const std::optional<std::string> name = ReadString(name_node, kNameChars, sink);
  party.organization = organization.value_or("");
  party.name = name.value_or("");
  // A wrong organization or name is reported already; one problem is enough.
  const bool both_read =
      (organization || !organization_node.present()) && (name || !name_node.present());
  if (party.organization.empty() && party.name.empty() && both_read)
    sink.Add(node.pointer, "needs an organization or a name");

  party.role = ReadString(object->Field("role"), kNameChars, sink).value_or("");

  const Node address = object->Field("address");
  if (recipient) Require(address, sink);
  const std::optional<std::vector<Node>> lines = ReadArray(address, kAddressLines, sink, "lines");
  if (recipient && lines && lines->empty()) sink.Add(address.pointer, "needs at least one line");
  for (const Node& line : lines.value_or(std::vector<Node>()))
    if (std::optional<std::string> text = ReadRequiredString(line, kNameChars, sink))
      party.address.push_back(std::move(*text));

  party.country = ReadCountry(object->Field("country"), sink).value_or("");
  party.email = ReadEmail(object->Field("email"), sink).value_or("");
  party.phone = ReadString(object->Field("phone"), kNameChars, sink).value_or("");
  if (recipient)
    party.form_of_address = ReadEnum(object->Field("form_of_address"), kFormsOfAddress, sink)
                                .value_or(FormOfAddress::kNeutral);
  return party;
}

}  // namespace parting::request
