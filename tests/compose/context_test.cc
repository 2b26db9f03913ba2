#include "compose/context.h"

#include <doctest/doctest.h>

#include "compose/context_schema.h"
#include "letters.h"

namespace parting::compose {
namespace {

using testing::FullPlan;
using testing::FullRequest;

// The data at a dotted path; list item keys ("projects[].name") are looked
// up in the first item.
const MustacheData* At(const MustacheData& root, std::string_view path) {
  const MustacheData* node = &root;
  while (node && !path.empty()) {
    size_t dot = path.find('.');
    std::string part(path.substr(0, dot));
    bool item = part.ends_with("[]");
    if (item) part.resize(part.size() - 2);
    node = node->get(part);
    if (node && item) node = node->list_value().empty() ? nullptr : &node->list_value().front();
    path = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  }
  return node;
}

TEST_CASE("a full request gives every key of the schema, with its kind") {
  // Polish: the title "Umowa o …" gives contract.title_object, title_subject
  // and title_genitive too.
  LetterRequest request = FullRequest(Language::kPl);
  request.contract.title = "Umowa o świadczenie usług";
  request.recipient.name = "Dr. Thomas Müller";
  request.contract.term_end = testing::D("2026-06-30");  // over: term_ended_on
  request.transition.contact->phone = "+49 40 7654321";
  MustacheData context = BuildContext(request, FullPlan());
  for (const KeySpec& key : ContextKeys()) {
    CAPTURE(key.path);
    const MustacheData* data = At(context, key.path);
    REQUIRE(data != nullptr);
    switch (key.kind) {
      case KeyKind::kText:
        CHECK(data->is_string());
        break;
      case KeyKind::kFlag:
        CHECK(data->is_bool());
        break;
      case KeyKind::kList:
        CHECK(data->is_list());
        break;
      case KeyKind::kGroup:
        CHECK(data->is_object());
        break;
    }
  }
}

TEST_CASE("a bare request leaves optional keys out but gives every required one") {
  LetterRequest request;
  request.language = Language::kEn;
  Plan plan = FullPlan();
  MustacheData context = BuildContext(request, plan);
  for (const KeySpec& key : ContextKeys()) {
    CAPTURE(key.path);
    if (std::string_view(key.path).find("[]") != std::string_view::npos) continue;
    if (key.optional)
      CHECK(At(context, key.path) == nullptr);
    else
      CHECK(At(context, key.path) != nullptr);
  }
}

TEST_CASE("list item keys never shadow top-level keys") {
  // Mustache looks an absent item key up in the outer scopes.
  const KeyNode& root = ContextKeyTree();
  for (const auto& [name, node] : root.children) {
    if (node->kind != KeyKind::kList) continue;
    for (const auto& [item_key, item] : node->children) {
      CAPTURE(item_key);
      CHECK_FALSE(root.children.contains(item_key));
    }
  }
}

TEST_CASE("sections need both the plan and their input") {
  LetterRequest request = FullRequest(Language::kEn);
  Plan plan = FullPlan();
  CHECK(HasSection(request, plan, Section::kProjects));
  request.projects.clear();
  CHECK_FALSE(HasSection(request, plan, Section::kProjects));
  request.goodwill.kind = GoodwillKind::kNone;
  CHECK_FALSE(HasSection(request, plan, Section::kGoodwill));
  plan.sections = {Section::kThanks};
  CHECK_FALSE(HasSection(request, plan, Section::kTransition));
}

}  // namespace
}  // namespace parting::compose
