#include "compose/template_pool.h"

#include "compose/escape.h"

namespace parting::compose {
namespace {

// The name inside a partial tag "{{>name}}" or "{{> name }}".
std::string Trimmed(std::string_view name) {
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return std::string(name);
}

void Flatten(const std::string& text, const std::map<std::string, std::string>& partials,
             const std::set<std::string>& keep, int depth, std::string& out) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t open = text.find("{{>", pos);
    const size_t close = open == std::string::npos ? open : text.find("}}", open + 3);
    if (close == std::string::npos) break;
    const std::string name = Trimmed(std::string_view(text).substr(open + 3, close - open - 3));
    auto partial = partials.find(name);
    // Template checks refuse partials that include themselves; the depth
    // bound only keeps a broken set from recursing without end.
    if (partial == partials.end() || keep.count(name) || depth > 16) {
      out.append(text, pos, close + 2 - pos);
    } else {
      out.append(text, pos, open - pos);
      Flatten(partial->second, partials, keep, depth + 1, out);
    }
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
}

}  // namespace

std::string FlattenPartials(const std::string& text,
                            const std::map<std::string, std::string>& partials,
                            const std::set<std::string>& keep) {
  std::string out;
  out.reserve(text.size() * 4);
  Flatten(text, partials, keep, 0, out);
  return out;
}

std::unique_ptr<TemplatePool::Parsed> TemplatePool::Borrow() const {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto parsed = std::move(idle_.back());
      idle_.pop_back();
      return parsed;
    }
  }
  auto parsed = std::make_unique<Parsed>(text_);
  parsed->set_custom_escape(EscapeValue);
  return parsed;
}

void TemplatePool::Return(std::unique_ptr<Parsed> parsed) const {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(parsed));
}

Result<std::string> TemplatePool::Render(const MustacheData& context) const {
  std::unique_ptr<Parsed> parsed = Borrow();
  if (!parsed->is_valid()) return Status::Internal("template: " + parsed->error_message());
  std::string out = parsed->render(context);
  // A failed render leaves its message in the template: that copy is not
  // lent again.
  if (!parsed->is_valid()) return Status::Internal("template: " + parsed->error_message());
  Return(std::move(parsed));
  return out;
}

}  // namespace parting::compose
