// The section readers of a letter request, one per top-level field of api.md.
//
// Each reads what it can, reports every problem to the sink and returns the
// section with defaults wherever a field was absent or wrong; the caller
// throws the result away when the sink is not empty. Absent sections come
// back as defaults without a report; the caller decides what is required.
#pragma once

#include <string>
#include <vector>

#include "parting/request.h"
#include "request/json_reader.h"

namespace parting::request {

/// The whole request, read from a parsed JSON object (json_document.h):
/// ParseLetterRequest() after the parse, and the compare route for each of
/// its two drafts. kInvalid with every offending field.
Result<LetterRequest> ReadLetterRequest(const nlohmann::json& root, Date today);

enum class PartyRole { kSender, kRecipient };

/// The sender or recipient: an organization or a name; the recipient also
/// needs an address and may have a form of address.
Party ReadParty(const Node& node, PartyRole role, ErrorSink& sink);

/// What ParseLetterRequest needs to know about the contract beyond its value.
struct ContractFacts {
  bool is_object = false;            ///< the contract could be read at all
  bool notice_period_given = false;  ///< present, even if invalid
  bool term_end_given = false;       ///< present, even if invalid
};
Contract ReadContract(const Node& node, ErrorSink& sink, ContractFacts& facts);

Termination ReadTermination(const Node& node, ErrorSink& sink);
std::vector<Project> ReadProjects(const Node& node, ErrorSink& sink);
Transition ReadTransition(const Node& node, ErrorSink& sink);
/// `contract_currency` is the default currency of the goodwill amount.
Goodwill ReadGoodwill(const Node& node, const std::string& contract_currency, ErrorSink& sink);
Options ReadOptions(const Node& node, ErrorSink& sink);
/// nullopt when absent or when it asks for nothing (`{}`).
std::optional<Delivery> ReadDelivery(const Node& node, ErrorSink& sink);

}  // namespace parting::request
