// The template pool renders the skeleton with its section partials written
// in: the same text as kainjow rendering the skeleton with the partials in
// the context, for every language, reason and section plan.
#include "compose/template_pool.h"

#include <doctest/doctest.h>

#include <thread>

#include "compose/context.h"
#include "compose/escape.h"
#include "letters.h"

namespace parting::compose {
namespace {

using testing::FullPlan;
using testing::FullRequest;

// How the composer rendered before the pool: partials parsed as included.
std::string RenderedWithPartials(const TemplateSet& set, MustacheData context,
                                 const std::string& reasons) {
  for (const auto& [name, text] : set.partials) context.set(name, text);
  context.set(kReasonsPartial, reasons);
  kainjow::mustache::mustache tmpl{set.letter};
  tmpl.set_custom_escape(EscapeValue);
  REQUIRE(tmpl.is_valid());
  return tmpl.render(context);
}

std::string ReasonsText(const TemplateSet& set, const LetterRequest& request) {
  std::string text;
  for (const std::string& id : request.termination.reasons) {
    std::string body = set.partials.at("reasons/" + id);
    while (!body.empty() && body.back() == '\n') body.pop_back();
    text += (text.empty() ? "" : "\n") + body;
  }
  return text;
}

}  // namespace

TEST_CASE("FlattenPartials writes partials in, recursively, and keeps the named ones") {
  const std::map<std::string, std::string> partials = {
      {"a", "A{{>b}}A"}, {"b", "[{{x}}]"}, {"reasons", "never"}};
  CHECK(FlattenPartials("1{{>a}}2{{> reasons }}3{{>missing}}", partials, {"reasons"}) ==
        "1A[{{x}}]A2{{> reasons }}3{{>missing}}");
  CHECK(FlattenPartials("no tags {{x}}", partials, {}) == "no tags {{x}}");
}

TEST_CASE("The pooled skeleton renders every language, reason and plan as the partials did") {
  for (Language language : testing::TemplateLanguages()) {
    const std::string code(LanguageCode(language));
    auto set = LoadTemplateSet(parting::testing::SourceDir() / "letter_templates" / code,
                               "letter_templates/" + code, language);
    REQUIRE(set.ok());
    const TemplatePool pool(FlattenPartials(set->letter, set->partials, {kReasonsPartial}));
    std::vector<std::vector<std::string>> reason_lists = {{}};
    for (const std::string& id : ReasonIds()) reason_lists.push_back({id});
    reason_lists.push_back(ReasonIds());
    for (const auto& reasons : reason_lists) {
      for (bool every_section : {true, false}) {
        LetterRequest request = FullRequest(language);
        request.termination.reasons = reasons;
        Plan plan = FullPlan();
        if (!every_section) plan.sections = {Section::kDecision, Section::kClosing};
        const MustacheData context = BuildContext(request, plan, set->labels);
        const std::string text = ReasonsText(*set, request);
        MustacheData pooled_context = context;
        for (const auto& [name, partial] : set->partials) pooled_context.set(name, partial);
        pooled_context.set(kReasonsPartial, text);
        auto pooled = pool.Render(pooled_context);
        REQUIRE(pooled.ok());
        CAPTURE(code);
        CAPTURE(reasons.size());
        CHECK(*pooled == RenderedWithPartials(*set, context, text));
      }
    }
  }
}

TEST_CASE("One pool serves threads rendering at once") {
  const TemplatePool pool("{{#items}}<{{.}}>{{/items}}");
  MustacheData items = MustacheData::type::list;
  for (const char* item : {"a", "b & c", "d"}) items.push_back(MustacheData(item));
  MustacheData context;
  context.set("items", items);
  const std::string expected = *pool.Render(context);
  std::vector<int> wrong(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) wrong[t] += *pool.Render(context) != expected;
    });
  for (auto& thread : threads) thread.join();
  for (int w : wrong) CHECK(w == 0);
}

}  // namespace parting::compose
