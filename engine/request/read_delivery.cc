// ReadDelivery: where a batch run sends the letter besides the PDF.
#include "request/field_rules.h"
#include "request/sections.h"

namespace parting::request {
namespace {

std::optional<EmailDelivery> ReadEmailDelivery(const Node& node, ErrorSink& sink) {
  std::optional<ObjectReader> object = ReadObject(node, {"to", "subject", "cc"}, sink);
  if (!object) return std::nullopt;
  EmailDelivery email;
  const Node to = object->Field("to");
  const bool has_to = Require(to, sink);
  if (has_to) email.to = ReadEmail(to, sink).value_or("");
  // The subject becomes a mail header: ReadString already refuses line breaks.
  email.subject = ReadString(object->Field("subject"), kNameChars, sink).value_or("");
  for (const Node& item : ReadArray(object->Field("cc"), kMaxCopyRecipients, sink, "addresses")
                              .value_or(std::vector<Node>())) {
    if (!Require(item, sink)) continue;
    if (std::optional<std::string> address = ReadEmail(item, sink))
      email.cc.push_back(std::move(*address));
  }
  return email;
}

}  // namespace

std::optional<Delivery> ReadDelivery(const Node& node, ErrorSink& sink) {
  std::optional<ObjectReader> object = ReadObject(node, {"email"}, sink);
  if (!object) return std::nullopt;
  Delivery delivery;
  delivery.email = ReadEmailDelivery(object->Field("email"), sink);
  if (!delivery.email) return std::nullopt;
  return delivery;
}

}  // namespace parting::request
