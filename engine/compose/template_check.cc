// Checks the tags of a template against the context schema.
#include "compose/template_check.h"

#include <algorithm>

#include "compose/context_schema.h"

namespace parting::compose {
namespace {

struct OpenSection {
  std::string name;
  const KeyNode* node;
  int line;
};

std::string Trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

// Resolves `name` as Mustache does: the innermost scope whose keys hold the
// whole dotted path wins.
const KeyNode* Resolve(std::string_view name, const std::vector<const KeyNode*>& scopes) {
  for (auto scope = scopes.rbegin(); scope != scopes.rend(); ++scope) {
    const KeyNode* node = *scope;
    std::string_view rest = name;
    while (node && !rest.empty()) {
      size_t dot = rest.find('.');
      auto child = node->children.find(rest.substr(0, dot));
      node = child == node->children.end() ? nullptr : child->second.get();
      rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    }
    if (node) return node;
  }
  return nullptr;
}

class Checker {
 public:
  Checker(std::string_view file, const std::set<std::string, std::less<>>& partials)
      : file_(file), partials_(partials) {
    scopes_.push_back(&ContextKeyTree());
  }

  void Tag(char sigil, const std::string& name, int line) {
    switch (sigil) {
      case '!':
        return;
      case '{':
      case '&':
        return Error(line, "unescaped output {{" + std::string(1, sigil) + name +
                               "}} is not allowed: every value is escaped for the markup");
      case '=':
        return Error(line, "changing the delimiters is not allowed");
      case '>':
        if (!partials_.contains(name)) Error(line, "unknown partial '" + name + "'");
        return;
      case '#':
      case '^':
        return Open(sigil, name, line);
      case '/':
        return Close(name, line);
      default:
        return Variable(name, line);
    }
  }

  void Finish() {
    for (const OpenSection& open : open_)
      Error(open.line, "section '" + open.name + "' is never closed");
  }

  std::vector<std::string> errors;

 private:
  const KeyNode* Known(const std::string& name, int line) {
    const KeyNode* node = Resolve(name, scopes_);
    if (!node) Error(line, "unknown key '" + name + "'");
    return node;
  }

  void Variable(const std::string& name, int line) {
    const KeyNode* node = Known(name, line);
    if (!node) return;
    if (node->kind == KeyKind::kFlag)
      return Error(line,
                   "'" + name + "' is a condition: use {{#" + name + "}} or {{^" + name + "}}");
    if (node->kind == KeyKind::kList)
      return Error(line, "'" + name + "' is a list: use {{#" + name + "}}…{{/" + name + "}}");
    if (node->kind == KeyKind::kGroup)
      return Error(line, "'" + name + "' is a group: name one of its keys");
    bool guarded = std::any_of(open_.begin(), open_.end(),
                               [&](const OpenSection& open) { return open.node == node; });
    if (node->optional && !guarded)
      Error(line,
            "'" + name + "' may be absent: print it inside {{#" + name + "}}…{{/" + name + "}}");
  }

  void Open(char sigil, const std::string& name, int line) {
    const KeyNode* node = Known(name, line);
    if (node && node->kind == KeyKind::kGroup)
      Error(line, "'" + name + "' is a group: name one of its keys");
    // An inverted section renders only when the key is absent: it guards nothing.
    const KeyNode* guard = sigil == '#' ? node : nullptr;
    open_.push_back(OpenSection{name, guard, line});
    scopes_.push_back(guard && guard->kind == KeyKind::kList ? guard : nullptr);
  }

  void Close(const std::string& name, int line) {
    if (open_.empty()) return Error(line, "'{{/" + name + "}}' closes no section");
    if (open_.back().name != name)
      return Error(line, "'{{/" + name + "}}' closes '" + open_.back().name + "', opened on line " +
                             std::to_string(open_.back().line));
    open_.pop_back();
    scopes_.pop_back();
  }

  void Error(int line, const std::string& message) {
    errors.push_back(std::string(file_) + ":" + std::to_string(line) + ": " + message);
  }

  std::string_view file_;
  const std::set<std::string, std::less<>>& partials_;
  std::vector<OpenSection> open_;
  std::vector<const KeyNode*> scopes_;  // nullptr: a section that adds no scope
};

}  // namespace

std::vector<std::string> CheckTemplate(std::string_view text, std::string_view file,
                                       const std::set<std::string, std::less<>>& partials) {
  Checker checker(file, partials);
  int line = 1;
  size_t pos = 0;
  auto advance_to = [&](size_t to) {
    line += static_cast<int>(std::count(text.begin() + pos, text.begin() + to, '\n'));
    pos = to;
  };
  while (pos < text.size()) {
    size_t open = text.find("{{", pos);
    size_t stray = text.find("}}", pos);
    if (stray < open) {
      advance_to(stray);
      checker.errors.push_back(std::string(file) + ":" + std::to_string(line) +
                               ": '}}' without '{{'");
      advance_to(stray + 2);
      continue;
    }
    if (open == std::string_view::npos) break;
    advance_to(open);
    int tag_line = line;
    bool triple = text.substr(open, 3) == "{{{";
    size_t close = text.find(triple ? "}}}" : "}}", open + 2);
    if (close == std::string_view::npos) {
      checker.errors.push_back(std::string(file) + ":" + std::to_string(tag_line) +
                               ": '{{' is never closed");
      break;
    }
    std::string body = Trim(text.substr(open + 2, close - open - 2));
    char sigil = triple ? '{' : (body.empty() ? ' ' : body.front());
    if (triple) body = body.substr(1);
    if (std::string_view("!#^/>&=").find(sigil) != std::string_view::npos && !triple)
      body = Trim(body.substr(1));
    checker.Tag(sigil, body, tag_line);
    advance_to(close + (triple ? 3 : 2));
  }
  checker.Finish();
  return std::move(checker.errors);
}

}  // namespace parting::compose
