// The keys a letter template may use: the one list both the context builder
// (context.cc) and the template check (template_check.cc) follow, and that
// letter_templates/README.md documents.
//
// A key path is dotted ("contract.title"); the keys of a list's items are
// written "projects[].name" and are reachable inside {{#projects}}. Thread-safe
// (immutable after first use).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parting::compose {

enum class KeyKind {
  kText,   ///< a value: {{key}}
  kFlag,   ///< a condition: {{#key}} / {{^key}} only
  kList,   ///< a list of items: {{#key}}…{{/key}} repeats for each item
  kGroup,  ///< holds other keys: only reachable as "group.key"
};

struct KeySpec {
  std::string_view path;  ///< "contract.title", "projects[].due"
  KeyKind kind;
  /// An optional value may be absent (the input does not give it); a
  /// template may print it only inside {{#key}}…{{/key}}.
  bool optional;
  std::string_view doc;
};

/// Every key, in the order the README lists them. Groups are implied by the
/// paths and not listed.
const std::vector<KeySpec>& ContextKeys();

/// The keys as a tree, for resolving names the way Mustache does.
struct KeyNode {
  KeyKind kind = KeyKind::kGroup;
  bool optional = false;
  std::string path;
  std::map<std::string, std::unique_ptr<KeyNode>, std::less<>> children;
};
const KeyNode& ContextKeyTree();

}  // namespace parting::compose
