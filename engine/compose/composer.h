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
  /// `templates_dir` (the letter_templates folder). kNotFound / kInternal
  /// with "file:line: message" when a template is missing or broken.
  static Result<std::shared_ptr<const Composer>> Load(const std::filesystem::path& templates_dir);

  Result<Document> Compose(const LetterRequest& request, const Plan& plan) const;

  /// The reason catalog with labels in `language`, in catalog order.
  std::vector<ReasonLabel> ReasonLabels(Language language) const;

  struct Impl;
  explicit Composer(std::unique_ptr<Impl> impl);
  ~Composer();

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace parting::compose
