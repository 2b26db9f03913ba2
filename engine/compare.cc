// Engine::Compare: two drafts of one letter -> the later one as a redline.
//
// Both requests are parsed and planned as drafts (a redline is a review copy,
// never signed), composed, their bodies compared word by word
// (compose/redline.h), and the later letter laid out with its marks after a
// first page of the facts that changed (compose/changes.h).
#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <array>
#include <optional>
#include <sstream>

#include "compose/changes.h"
#include "compose/redline.h"
#include "engine_impl.h"
#include "pdf/pdf_writer.h"
#include "request/json_syntax.h"

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

/// The two request texts of a compare body, or what is wrong with it.
Result<std::array<std::string, 2>> SplitBody(std::string_view body) {
  if (Status syntax = request::CheckJsonSyntax(body); !syntax.ok()) return syntax;
  Poco::Dynamic::Var tree;
  try {
    Poco::JSON::Parser parser;
    parser.setDepth(kMaxJsonDepth + 1);
    tree = parser.parse(std::string(request::StripByteOrderMark(body)));
  } catch (const Poco::Exception& e) {
    return Status::Unparseable("cannot read the JSON: " + e.message());
  }
  if (tree.type() != typeid(Poco::JSON::Object::Ptr))
    return Status::Unparseable(
        "the body must be a JSON object with the two requests, {\"before\": …, \"after\": …}");
  const auto object = tree.extract<Poco::JSON::Object::Ptr>();
  std::vector<FieldError> errors;
  for (const auto& [key, value] : *object)
    if (key != "before" && key != "after")
      errors.push_back({"/" + key, "is not a field of a compare request (before, after)"});
  std::array<std::string, 2> texts;
  for (size_t side = 0; side < 2; ++side) {
    const std::string pointer = std::string("/") + kSides[side];
    if (!object->has(kSides[side])) {
      errors.push_back({pointer, "is required: the letter request of that draft"});
      continue;
    }
    const Poco::Dynamic::Var value = object->get(kSides[side]);
    if (value.type() != typeid(Poco::JSON::Object::Ptr)) {
      errors.push_back({pointer, "must be a letter request (a JSON object)"});
      continue;
    }
    std::ostringstream out;
    value.extract<Poco::JSON::Object::Ptr>()->stringify(out);
    texts[side] = out.str();
  }
  if (!errors.empty()) return Status::Invalid(std::move(errors));
  return texts;
}

}  // namespace

Result<std::string> Engine::Compare(std::string_view body) const {
  auto texts = SplitBody(body);
  if (!texts.ok()) return texts.status();
  std::vector<FieldError> errors;
  std::optional<LetterRequest> requests[2];
  for (size_t side = 0; side < 2; ++side) {
    auto request = ParseRequest((*texts)[side]);
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
      compose::BuildChanges({before, *plans[0]}, {after, *plans[1]}, compose::CountChanges(marked));
  // The window shows what this copy is: "Changes since the earlier draft: …".
  marked.title = marked.changes.title + ": " + marked.title;
  auto pages = impl_->typesetter->Lay(marked);
  if (!pages.ok()) return pages.status();
  return pdf::WritePdf(*pages);
}

}  // namespace parting
