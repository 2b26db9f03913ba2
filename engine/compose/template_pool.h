// TemplatePool: a letter skeleton parsed once and rendered many times.
//
// kainjow's mustache parses a template when it is constructed, and parses a
// partial again at every {{>name}} it renders. A letter's skeleton includes
// about ten section partials, so a letter spent more time parsing templates
// than rendering them. The pool writes the partials into the skeleton once
// (FlattenPartials), keeps parsed copies of the result, and lends one to each
// render: a parsed template is not safe to render from two threads at once.
// Partials named in `keep` (the reasons of the request, which differ per
// letter) stay partials and are resolved from the context as before.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "compose/context.h"
#include "parting/status.h"

namespace parting::compose {

/// `text` with every {{>name}} of `partials` replaced by the partial's own
/// text, recursively, except the names in `keep`. Rendering the result gives
/// what rendering `text` with the partials in the context gives.
std::string FlattenPartials(const std::string& text,
                            const std::map<std::string, std::string>& partials,
                            const std::set<std::string>& keep);

class TemplatePool {
 public:
  explicit TemplatePool(std::string text) : text_(std::move(text)) {}

  /// Renders the template in `context`, escaping every value for the markup.
  Result<std::string> Render(const MustacheData& context) const;

 private:
  using Parsed = kainjow::mustache::mustache;
  std::unique_ptr<Parsed> Borrow() const;
  void Return(std::unique_ptr<Parsed> parsed) const;

  const std::string text_;
  mutable std::mutex mutex_;
  mutable std::vector<std::unique_ptr<Parsed>> idle_;
};

}  // namespace parting::compose
