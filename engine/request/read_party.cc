// ReadParty: the sender and the recipient of the letter.
#include "request/enum_names.h"
#include "request/field_rules.h"
#include "request/sections.h"

namespace parting::request {
namespace {

bool HasDigit(const std::string& text) {
  return text.find_first_of("0123456789") != std::string::npos;
}

// A register number or tax id names a number: one without a digit is a
// field mixed up with another ("Amtsgericht Hamburg" in register_number).
std::string ReadNumbered(const Node& node, ErrorSink& sink) {
  std::string text = ReadString(node, kNameChars, sink).value_or("");
  if (!text.empty() && !HasDigit(text)) {
    sink.Add(node.pointer, "must contain the number itself (no digit found)");
    return "";
  }
  return text;
}

std::optional<ShareCapital> ReadShareCapital(const Node& node, ErrorSink& sink) {
  std::optional<ObjectReader> object = ReadObject(node, {"amount", "currency"}, sink);
  if (!object) return std::nullopt;
  const Node amount_node = object->Field("amount");
  const Node currency_node = object->Field("currency");
  Require(amount_node, sink);
  Require(currency_node, sink);
  std::optional<Amount> amount = ReadAmount(amount_node, sink);
  std::optional<std::string> currency = ReadCurrency(currency_node, sink);
  if (!amount || !currency) return std::nullopt;
  return ShareCapital{*amount, *currency};
}

// sender.legal: every field optional; an object that gives nothing is absent.
std::optional<LegalIdentity> ReadLegal(const Node& node, ErrorSink& sink) {
  std::optional<ObjectReader> object =
      ReadObject(node,
                 {"legal_form", "seat", "register_court", "register_number",
                  "managing_directors", "vat_id", "tax_id", "share_capital"},
                 sink);
  if (!object) return std::nullopt;
  LegalIdentity legal;
  legal.legal_form = ReadString(object->Field("legal_form"), kNameChars, sink).value_or("");
  legal.seat = ReadString(object->Field("seat"), kNameChars, sink).value_or("");
  legal.register_court = ReadString(object->Field("register_court"), kNameChars, sink).value_or("");
  legal.register_number = ReadNumbered(object->Field("register_number"), sink);
  for (const Node& item : ReadArray(object->Field("managing_directors"), kMaxManagingDirectors,
                                    sink, "names")
                              .value_or(std::vector<Node>()))
    if (std::optional<std::string> name = ReadRequiredString(item, kNameChars, sink))
      legal.managing_directors.push_back(std::move(*name));
  legal.vat_id = ReadNumbered(object->Field("vat_id"), sink);
  legal.tax_id = ReadNumbered(object->Field("tax_id"), sink);
  legal.share_capital = ReadShareCapital(object->Field("share_capital"), sink);
  const bool empty = legal.legal_form.empty() && legal.seat.empty() &&
                     legal.register_court.empty() && legal.register_number.empty() &&
                     legal.managing_directors.empty() && legal.vat_id.empty() &&
                     legal.tax_id.empty() && !legal.share_capital;
  if (empty) return std::nullopt;
  return legal;
}

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
                       {"organization", "name", "role", "address", "country", "email", "phone",
                        "legal"},
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
  if (!recipient) party.legal = ReadLegal(object->Field("legal"), sink);
  if (recipient)
    party.form_of_address = ReadEnum(object->Field("form_of_address"), kFormsOfAddress, sink)
                                .value_or(FormOfAddress::kNeutral);
  return party;
}

}  // namespace parting::request
