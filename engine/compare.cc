// Engine::Compare: two drafts of one letter -> the later one as a redline.
//
// Both requests are parsed and planned as drafts (a redline is a review copy,
// never signed), composed, their bodies compared word by word
// (compose/redline.h), and the later letter laid out with its marks after a
// first page of the facts that changed (compose/changes.h).
#include <optional>

#include "compose/changes.h"
#include "compose/redline.h"
#include "engine_impl.h"
#include "pdf/pdf_writer.h"
#include "request/json_document.h"
#include "request/sections.h"

namespace parting {
namespace {

constexpr const char* kSides[] = {"before", "after"};

/// A message with the pointers it names (" at /termination/reasons/0")
/// moved below `prefix` too.
std::string PrefixedMessage(std::string message, const std::string& prefix) {
  for (size_t at = message.find(" /"); at != std::string::npos; at = message.find(" /", at + 2)) {
    const char next = at + 2 < message.size() ? message[at + 2] : ' ';
    if (next < 'a' || next > 'z') continue;
    message.insert(at + 1, prefix);
    at += prefix.size();
  }
  return message;
}

/// `status` with every field pointer below `prefix` ("/before").
Status Prefixed(const Status& status, const std::string& prefix) {
  if (status.code() != StatusCode::kInvalid) return status;
  std::vector<FieldError> errors = status.errors();
  for (FieldError& e : errors) {
    e.pointer = prefix + e.pointer;
    e.message = PrefixedMessage(std::move(e.message), prefix);
  }
  return Status::Invalid(std::move(errors));
}

/// The compare body, parsed once, with both drafts checked to be objects.
Result<nlohmann::json> ParseBody(std::string_view body) {
  Result<nlohmann::json> tree = request::ParseJsonObject(body);
  if (!tree.ok()) return tree.status();
  std::vector<FieldError> errors;
  for (const auto& [key, value] : tree->items())
    if (key != "before" && key != "after")
      errors.push_back({"/" + key, "is not a field of a compare request (before, after)"});
  for (const char* side : kSides) {
    const std::string pointer = std::string("/") + side;
    const auto found = tree->find(side);
    if (found == tree->end()) {
      errors.push_back({pointer, "is required: the letter request of that draft"});
    } else if (!found->is_object()) {
      errors.push_back({pointer, "must be a letter request (a JSON object)"});
    }
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return tree;
}

}  // namespace

Result<std::string> Engine::Compare(std::string_view body) const {
  const Result<nlohmann::json> tree = ParseBody(body);
  if (!tree.ok()) return tree.status();
  std::vector<FieldError> errors;
  std::optional<LetterRequest> requests[2];
  for (size_t side = 0; side < 2; ++side) {
    auto request = request::ReadLetterRequest(tree->at(kSides[side]), impl_->resources.today());
    if (request.ok()) {
      requests[side] = std::move(*request);
      continue;
    }
    const Status status = Prefixed(request.status(), std::string("/") + kSides[side]);
    if (status.code() != StatusCode::kInvalid) return status;
    errors.insert(errors.end(), status.errors().begin(), status.errors().end());
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return CompareRequests(std::move(*requests[0]), std::move(*requests[1]));
}

Result<std::string> Engine::CompareRequests(LetterRequest before, LetterRequest after) const {
  if (before.language != after.language)
    return Status::Invalid(
        {{"/after/language", "compare needs one language: the earlier draft is in " +
                                 std::string(LanguageCode(before.language)) + ", this one in " +
                                 std::string(LanguageCode(after.language))}});
  LetterRequest* requests[2] = {&before, &after};
  std::optional<Plan> plans[2];
  std::optional<compose::Document> documents[2];
  for (size_t side = 0; side < 2; ++side) {
    LetterRequest& request = *requests[side];
    request.options.draft = true;  // a review copy, and a draft is never signed
    request.options.sign = false;
    const std::string prefix = std::string("/") + kSides[side];
    auto plan = MakePlan(request);
    if (!plan.ok()) return Prefixed(plan.status(), prefix);
    auto document = impl_->composer->Compose(request, *plan);
    if (!document.ok()) return Prefixed(document.status(), prefix);
    plans[side] = std::move(*plan);
    documents[side] = std::move(*document);
  }
  compose::Document marked = compose::Redline(*documents[0], *documents[1]);
  marked.redline = true;
  marked.changes =
      compose::BuildChanges({before, *plans[0], *documents[0]}, {after, *plans[1], *documents[1]},
                            compose::CountChanges(marked));
  // The window shows what this copy is: "Changes since the earlier draft: …".
  marked.title = marked.changes.title + ": " + marked.title;
  auto pages = impl_->typesetter->Lay(marked);
  if (!pages.ok()) return pages.status();
  return pdf::WritePdf(*pages);
}

}  // namespace parting
