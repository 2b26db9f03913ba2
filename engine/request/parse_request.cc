// ParseLetterRequest: JSON text → a validated LetterRequest, or every problem.
//
// Two gates, in order: the one parse (json_document.h: size, UTF-8, grammar,
// depth, keys given twice), then the section readers, which report every
// offending field by JSON pointer.
#include "parting/request.h"
#include "request/json_document.h"
#include "request/sections.h"

namespace parting {
namespace {

using request::ErrorSink;
using request::Node;

std::optional<Language> ReadLanguage(const Node& node, ErrorSink& sink) {
  if (!request::Require(node, sink)) return std::nullopt;
  const std::optional<std::string> code = request::ReadString(node, request::kNameChars, sink);
  if (!code) return std::nullopt;
  if (std::optional<Language> language = LanguageFromCode(*code)) return language;
  std::string supported;
  for (Language l : AllLanguages())
    supported += (supported.empty() ? "" : ", ") + std::string(LanguageCode(l));
  sink.Add(node.pointer,
           "is not a supported language: " + *code + " (supported: " + supported + ")");
  return std::nullopt;
}

}  // namespace

Result<LetterRequest> ParseLetterRequest(std::string_view json, Date today) {
  Result<nlohmann::json> tree = request::ParseJsonObject(json);
  if (!tree.ok()) return tree.status();
  return request::ReadLetterRequest(*tree, today);
}

Result<LetterRequest> request::ReadLetterRequest(const nlohmann::json& tree, Date today) {
  ErrorSink sink;
  std::optional<request::ObjectReader> root =
      request::ReadObject(Node{&tree, ""},
                          {"language", "letter_date", "sender", "recipient", "contract",
                           "termination", "projects", "transition", "goodwill", "options",
                           "delivery"},
                          sink);
  if (!root) return Status::Unparseable("the request must be a JSON object");

  LetterRequest letter;
  letter.language = ReadLanguage(root->Field("language"), sink).value_or(Language::kEn);
  letter.letter_date = request::ReadDate(root->Field("letter_date"), sink).value_or(today);

  const Node sender = root->Field("sender");
  if (request::Require(sender, sink))
    letter.sender = request::ReadParty(sender, request::PartyRole::kSender, sink);
  const Node recipient = root->Field("recipient");
  if (request::Require(recipient, sink))
    letter.recipient = request::ReadParty(recipient, request::PartyRole::kRecipient, sink);

  const Node contract = root->Field("contract");
  request::Require(contract, sink);
  request::ContractFacts facts;
  letter.contract = request::ReadContract(contract, sink, facts);
  const Node termination = root->Field("termination");
  request::Require(termination, sink);
  letter.termination = request::ReadTermination(termination, sink);
  // Notice counts from receipt, and a letter cannot arrive before it is dated.
  const std::optional<Date>& receipt = letter.termination.receipt_date;
  if (receipt && *receipt < letter.letter_date)
    sink.Add("/termination/receipt_date", "is " + receipt->ToIso() +
                                              ", before the letter date " +
                                              letter.letter_date.ToIso() +
                                              ": a letter cannot be received before it is dated");

  // Without a notice period the end date must come from the term or the cause.
  const bool immediate = letter.termination.for_cause && letter.contract.immediate_for_cause;
  if (facts.is_object && !facts.notice_period_given && !facts.term_end_given && !immediate)
    sink.Add("/contract/notice_period",
             "is required: the contract has no term_end and the termination is not for "
             "cause under immediate_for_cause");

  letter.projects = request::ReadProjects(root->Field("projects"), sink);
  letter.transition = request::ReadTransition(root->Field("transition"), sink);
  letter.goodwill = request::ReadGoodwill(root->Field("goodwill"), letter.contract.currency, sink);
  letter.options = request::ReadOptions(root->Field("options"), sink);
  letter.delivery = request::ReadDelivery(root->Field("delivery"), sink);

  if (!sink.empty()) return Status::Invalid(sink.Take());
  return letter;
}

}  // namespace parting
