// Composer: request + plan -> Document, through the templates of the language.
#include "compose/composer.h"

#include <mutex>

#include "compose/review.h"

#include "compose/context.h"
#include "compose/escape.h"
#include "compose/letterhead.h"
#include "compose/markup.h"
#include "compose/template_pool.h"
#include "compose/template_set.h"

namespace parting::compose {

struct Composer::Impl {
  std::map<Language, TemplateSet> sets;
  /// Each language's templates, parsed once (template_pool.h): the body
  /// skeleton with its section partials written in, and the one-line ones.
  struct Pools {
    /// The skeleton with its section partials written in, and the
    /// one-line templates.
    std::string letter_text;
    TemplatePool subject, salutation, date_line;
    /// The skeleton with the reasons of a request written in too, by the
    /// reasons' ids ("a,b"): a batch's letters mostly give the same
    /// reasons, and a partial left in the skeleton was parsed again at
    /// every render. Bounded; a letter beyond the bound is rendered from a
    /// pool of its own.
    mutable std::mutex mutex;
    mutable std::map<std::string, std::shared_ptr<const TemplatePool>> by_reasons;
  };
  std::map<Language, std::unique_ptr<Pools>> pools;
};

Composer::Composer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Composer::~Composer() = default;

namespace {

namespace fs = std::filesystem;

// How messages name the templates folder: its own name ("letter_templates").
std::string ShownRoot(const fs::path& templates_dir) {
  fs::path normal = templates_dir.lexically_normal();
  if (normal.filename().empty()) normal = normal.parent_path();
  return normal.filename().string();
}

// The reasons of the request, each its own partial, as one paragraph.
std::string ReasonsPartial(const TemplateSet& set, const LetterRequest& request) {
  std::string text;
  for (const std::string& id : request.termination.reasons) {
    auto partial = set.partials.find("reasons/" + id);
    if (partial == set.partials.end()) continue;  // ids are validated upstream
    std::string body = partial->second;
    while (!body.empty() && (body.back() == '\n' || body.back() == '\r')) body.pop_back();
    text += (text.empty() ? "" : "\n") + body;
  }
  return text;
}

// The letter skeleton of `pools` with `request`'s reasons written in.
std::shared_ptr<const TemplatePool> LetterPool(const Composer::Impl::Pools& pools,
                                               const TemplateSet& set,
                                               const LetterRequest& request) {
  constexpr size_t kKept = 256;
  std::string key;
  for (const std::string& id : request.termination.reasons) key += id + ",";
  {
    std::lock_guard lock(pools.mutex);
    if (auto found = pools.by_reasons.find(key); found != pools.by_reasons.end())
      return found->second;
  }
  auto pool = std::make_shared<const TemplatePool>(FlattenPartials(
      pools.letter_text, {{kReasonsPartial, ReasonsPartial(set, request)}}, {}));
  std::lock_guard lock(pools.mutex);
  if (pools.by_reasons.size() < kKept) pools.by_reasons.emplace(key, pool);
  return pool;
}

Result<std::string> RenderLine(const TemplatePool& pool, const MustacheData& context) {
  Result<std::string> markup = pool.Render(context);
  if (!markup.ok()) return markup.status();
  return ParseLine(*markup);
}

}  // namespace

Result<std::shared_ptr<const Composer>> Composer::Load(const fs::path& templates_dir) {
  auto impl = std::make_unique<Impl>();
  std::string errors;
  StatusCode code = StatusCode::kOk;
  for (Language language : AllLanguages()) {
    std::string code_name(LanguageCode(language));
    fs::path dir = templates_dir / code_name;
    // A folder that holds only sample requests is a language still to come.
    std::error_code error;
    if (!fs::exists(dir / "labels.json", error) && !fs::exists(dir / "letter.mustache", error))
      continue;
    Result<TemplateSet> set =
        LoadTemplateSet(dir, ShownRoot(templates_dir) + "/" + code_name, language);
    if (!set.ok()) {
      errors += (errors.empty() ? "" : "\n") + set.status().message();
      if (code != StatusCode::kNotFound) code = set.status().code();
      continue;
    }
    impl->pools.emplace(language, std::unique_ptr<Impl::Pools>(new Impl::Pools{
                                      FlattenPartials(set->letter, set->partials, {kReasonsPartial}),
                                      TemplatePool(set->subject), TemplatePool(set->salutation),
                                      TemplatePool(set->date_line)}));
    impl->sets.emplace(language, std::move(set.value()));
  }
  if (!errors.empty())
    return code == StatusCode::kNotFound ? Status::NotFound(errors) : Status::Internal(errors);
  if (impl->sets.empty())
    return Status::NotFound(templates_dir.string() + ": no language folder with templates");
  return std::shared_ptr<const Composer>(new Composer(std::move(impl)));
}

Result<Document> Composer::Compose(const LetterRequest& request, const Plan& plan) const {
  auto found = impl_->sets.find(request.language);
  if (found == impl_->sets.end())
    return Status::Invalid(
        {{"/language", "letters in '" + std::string(LanguageCode(request.language)) +
                           "' are not available yet"}});
  const TemplateSet& set = found->second;

  // The section partials and the request's reasons are written into the
  // skeleton (template_pool.h).
  MustacheData context = BuildContext(request, plan, set.labels);

  Document document = Letterhead(request, set.labels);
  const Impl::Pools& pools = *impl_->pools.at(request.language);
  Result<std::string> body = LetterPool(pools, set, request)->Render(context);
  if (!body.ok()) return body.status();
  Result<std::vector<Block>> blocks = ParseMarkup(*body, Section::kThanks);
  if (!blocks.ok()) return blocks.status();
  document.body = std::move(blocks.value());

  struct Line {
    const TemplatePool& pool;
    std::string* out;
  };
  for (const Line& line :
       {Line{pools.subject, &document.subject}, Line{pools.salutation, &document.salutation},
        Line{pools.date_line, &document.date_line}}) {
    Result<std::string> rendered = RenderLine(line.pool, context);
    if (!rendered.ok()) return rendered.status();
    *line.out = std::move(rendered.value());
  }
  document.title = document.subject;
  if (request.options.draft) document.review = BuildReview(request, plan, set);
  return document;
}

std::vector<ReasonLabel> Composer::ReasonLabels(Language language) const {
  std::vector<ReasonLabel> labels;
  auto found = impl_->sets.find(language);
  if (found == impl_->sets.end()) return labels;
  for (const std::string& id : ReasonIds())
    labels.push_back(ReasonLabel{id, found->second.labels.reasons.at(id)});
  return labels;
}

}  // namespace parting::compose
