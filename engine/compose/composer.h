// Composer: request + plan + templates of the language -> Document.
//
// Load() reads and compiles every template under letter_templates/ once and
// checks them (unknown keys, broken partials are errors with "file:line");
// afterwards Compose() is const and safe to call from many threads.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compose/document.h"
#include "parting/plan.h"
#include "parting/request.h"
#include "parting/status.h"

namespace parting::compose {

struct ReasonLabel {
  std::string id;
  std::string label;  ///< short localized label for forms
};

class Composer {
 public:
  /// Loads and checks the templates of every supported language from
  /// `templates_dir` (the letter_templates folder): each language folder
  /// that has a labels.json or letter.mustache must be complete and sound.
  /// kNotFound / kInternal with "file:line: message" (one per line) when a
  /// template is missing or broken, kNotFound when no language has templates.
  static Result<std::shared_ptr<const Composer>> Load(const std::filesystem::path& templates_dir);

  /// The letter for `request` and its `plan`. kInvalid (pointer /language)
  /// for a language without templates; kInternal for a template bug.
  Result<Document> Compose(const LetterRequest& request, const Plan& plan) const;

  /// The reason catalog with labels in `language`, in catalog order; empty
  /// for a language without templates.
  std::vector<ReasonLabel> ReasonLabels(Language language) const;

  struct Impl;
  explicit Composer(std::unique_ptr<Impl> impl);
  ~Composer();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parting::compose
