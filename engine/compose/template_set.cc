// Loading and checking the templates of one language.
#include "compose/template_set.h"

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "compose/markup.h"
#include "compose/template_check.h"
#include "core/sha256.h"
#include "parting/section.h"

namespace parting::compose {
namespace {

namespace fs = std::filesystem;

bool ReadText(const fs::path& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  *text = bytes.str();
  return true;
}

std::string Trimmed(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

// Line numbers (1-based) of the lines of `text` that `test` accepts.
template <typename Test>
std::vector<int> LinesWhere(const std::string& text, Test test) {
  std::vector<int> lines;
  std::istringstream in(text);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (test(line)) lines.push_back(number);
  }
  return lines;
}

bool IsBlankLine(const std::string& line) {
  return line.find_first_not_of(" \t") == std::string::npos;
}

// The partials a template includes, by name: each "{{> name}}" (spaces
// around the name allowed). A plain scan: std::regex took some 4 ms of every
// start-up over the five languages' templates.
std::vector<std::string> IncludedPartials(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::vector<std::string> names;
  for (size_t at = text.find("{{>"); at != std::string_view::npos; at = text.find("{{>", at)) {
    size_t from = at + 3;
    while (from < text.size() && space(text[from])) ++from;
    size_t to = from;
    while (to < text.size() && !space(text[to]) && text[to] != '}') ++to;
    size_t close = to;
    while (close < text.size() && space(text[close])) ++close;
    if (to > from && text.substr(close, 2) == "}}")
      names.emplace_back(text.substr(from, to - from));
    at = from;
  }
  return names;
}

// The first partial that includes itself, directly or through others
// (Mustache would recurse forever); "" when there is none.
std::string FindCycle(const std::map<std::string, std::string>& partials) {
  std::map<std::string, int> state;  // 1: being visited, 2: done
  std::function<bool(const std::string&)> visit = [&](const std::string& name) {
    if (state[name] == 2) return false;
    if (state[name] == 1) return true;
    state[name] = 1;
    auto found = partials.find(name);
    if (found != partials.end()) {
      const std::vector<std::string> next = IncludedPartials(found->second);
      for (const std::string& include : next) {
        std::string target = include;
        if (target == kReasonsPartial) {
          for (const std::string& id : ReasonIds())
            if (visit("reasons/" + id)) return true;
          continue;
        }
        if (visit(target)) return true;
      }
    }
    state[name] = 2;
    return false;
  };
  for (const auto& [name, text] : partials)
    if (visit(name)) return name;
  return "";
}

class Loader {
 public:
  Loader(const fs::path& dir, const std::string& shown_dir) : dir_(dir), shown_(shown_dir) {}

  // Reads `relative` into `text`; a missing file is remembered.
  void Read(const std::string& relative, std::string* text) {
    if (!ReadText(dir_ / relative, text)) missing_.push_back(Shown(relative) + ": missing");
    digest_.Update(relative);
    digest_.Update(std::string_view("\0", 1));
    digest_.Update(*text);
    digest_.Update(std::string_view("\0", 1));
  }

  /// Hex SHA-256 of every file read so far, names and contents, in order.
  std::string Digest() { return digest_.HexDigest(); }

  // Files in `folder` whose names are not expected are most likely typos.
  void RefuseStrangers(const std::string& folder, const std::set<std::string>& expected) {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir_ / folder, error)) {
      std::string name = entry.path().filename().string();
      if (entry.path().extension() == ".mustache" &&
          !expected.contains(entry.path().stem().string()))
        Error(Shown(folder.empty() ? name : folder + "/" + name) + ": not a known template name");
    }
  }

  void Check(const std::string& relative, const std::string& text,
             const std::set<std::string, std::less<>>& partials) {
    for (std::string& error : CheckTemplate(text, Shown(relative), partials))
      errors_.push_back(std::move(error));
    for (int line :
         LinesWhere(text, [](const std::string& l) { return l.starts_with("@section "); })) {
      std::string name = Trimmed(LineAt(text, line).substr(9));
      Section section;
      if (!SectionFromName(name, &section))
        Error(Shown(relative) + ":" + std::to_string(line) + ": unknown section '" + name + "'");
    }
  }

  // One paragraph of running text: no blank line and no block markers.
  void CheckInline(const std::string& relative, const std::string& text) {
    std::string body = Trimmed(text);
    for (int line : LinesWhere(body, IsBlankLine))
      Error(Shown(relative) + ":" + std::to_string(line) + ": must be a single paragraph");
    for (int line : LinesWhere(body, [](const std::string& l) {
           return l.starts_with("@section ") || l.starts_with("- ") || l.starts_with("## ");
         }))
      Error(Shown(relative) + ":" + std::to_string(line) + ": no headings, lists or @section here");
  }

  void LoadLabels(Labels* labels);

  void Error(std::string message) { errors_.push_back(std::move(message)); }
  std::string Shown(const std::string& relative) const { return shown_ + "/" + relative; }

  Status Finish() const {
    auto join = [](const std::vector<std::string>& lines) {
      std::string out;
      for (const std::string& line : lines) out += (out.empty() ? "" : "\n") + line;
      return out;
    };
    if (!missing_.empty()) return Status::NotFound(join(missing_));
    if (!errors_.empty()) return Status::Internal(join(errors_));
    return Status::Ok();
  }

 private:
  static std::string LineAt(const std::string& text, int number) {
    std::istringstream in(text);
    std::string line;
    for (int i = 0; i < number; ++i) std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }

  fs::path dir_;
  std::string shown_;
  std::vector<std::string> missing_;
  std::vector<std::string> errors_;
  Sha256 digest_;
};

void Loader::LoadLabels(Labels* labels) {
  std::string text;
  Read("labels.json", &text);
  if (text.empty()) return;
  const std::string file = Shown("labels.json");
  using Json = nlohmann::json;
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    return Error(file + ": not valid JSON: " + e.what());
  }
  if (!root.is_object()) return Error(file + ": not a JSON object");
  // The object `key` of `parent`, or null when there is none.
  const auto member_object = [](const Json* parent, const std::string& key) -> const Json* {
    if (!parent) return nullptr;
    const auto found = parent->find(key);
    return found != parent->end() && found->is_object() ? &*found : nullptr;
  };
  auto string_at = [&](const Json* object, const std::string& path, const std::string& key,
                       bool may_be_empty) -> std::string {
    const auto found = object ? object->find(key) : Json::const_iterator();
    if (!object || found == object->end() || !found->is_string()) {
      Error(file + ": missing text '" + path + key + "'");
      return "";
    }
    std::string value = found->get<std::string>();
    if (value.empty() && !may_be_empty) Error(file + ": '" + path + key + "' is empty");
    return value;
  };
  auto object_at = [&](const std::string& key) {
    const Json* object = member_object(&root, key);
    if (!object) Error(file + ": missing object '" + key + "'");
    return object;
  };
  const Json* reasons = object_at("reasons");
  for (const std::string& id : ReasonIds())
    labels->reasons[id] = string_at(reasons, "reasons.", id, false);
  labels->closing = string_at(&root, "", "closing", false);
  labels->page_label = string_at(&root, "", "page_label", false);
  if (labels->page_label.find("{page}") == std::string::npos ||
      labels->page_label.find("{pages}") == std::string::npos)
    Error(file + ": 'page_label' needs both {page} and {pages}");
  labels->signed_label = string_at(&root, "", "signed_label", false);
  if (labels->signed_label.find("{signer}") == std::string::npos ||
      labels->signed_label.find("{date}") == std::string::npos)
    Error(file + ": 'signed_label' needs both {signer} and {date}");
  labels->draft_mark = string_at(&root, "", "draft_mark", false);
  labels->keywords = string_at(&root, "", "keywords", false);
  const Json* reference = object_at("reference");
  labels->reference_contract = string_at(reference, "reference.", "contract", false);
  labels->reference_signed_on = string_at(reference, "reference.", "signed_on", false);
  const Json* prefix = object_at("name_prefix");
  labels->name_prefix[FormOfAddress::kMr] = string_at(prefix, "name_prefix.", "mr", true);
  labels->name_prefix[FormOfAddress::kMs] = string_at(prefix, "name_prefix.", "ms", true);
  labels->name_prefix[FormOfAddress::kNeutral] = string_at(prefix, "name_prefix.", "neutral", true);
  const Json* review = object_at("review");
  for (const std::string& key : ReviewLabelKeys()) {
    const size_t dot = key.find('.');
    if (dot == std::string::npos) {
      labels->review[key] = string_at(review, "review.", key, false);
    } else {
      const Json* group = member_object(review, key.substr(0, dot));
      labels->review[key] =
          string_at(group, "review." + key.substr(0, dot) + ".", key.substr(dot + 1), false);
    }
  }
  const Json* legal = object_at("legal");
  for (const std::string& key : LegalLabelKeys())
    labels->legal[key] = string_at(legal, "legal.", key, key == "register_number");
}

}  // namespace

const std::vector<std::string>& ReviewLabelKeys() {
  static const std::vector<std::string> kKeys = {"title",
                                                 "letter_date",
                                                 "effective_end_date",
                                                 "route",
                                                 "derivation",
                                                 "other_routes",
                                                 "notes",
                                                 "warnings",
                                                 "no_warnings",
                                                 "sections",
                                                 "template_version",
                                                 "fingerprint",
                                                 "note_title",
                                                 "routes.ordinary_notice",
                                                 "routes.end_of_term",
                                                 "routes.for_cause",
                                                 "routes.requested"};
  return kKeys;
}

const std::vector<std::string>& LegalLabelKeys() {
  static const std::vector<std::string> kKeys = {
      "separator",          "legal_form", "seat",   "register_court", "register_number",
      "managing_directors", "vat_id",     "tax_id", "share_capital"};
  return kKeys;
}

Result<TemplateSet> LoadTemplateSet(const fs::path& dir, const std::string& shown_dir,
                                    Language language) {
  Loader loader(dir, shown_dir);
  TemplateSet set;
  set.language = language;
  loader.LoadLabels(&set.labels);

  struct Single {
    const char* name;
    std::string* text;
  };
  const Single singles[] = {{"letter", &set.letter},
                            {"subject", &set.subject},
                            {"salutation", &set.salutation},
                            {"date_line", &set.date_line}};
  for (const Single& single : singles)
    loader.Read(std::string(single.name) + ".mustache", single.text);
  std::set<std::string> section_names;
  for (const SectionInfo& info : kSections) section_names.emplace(info.name);
  for (const std::string& name : section_names)
    loader.Read("sections/" + name + ".mustache", &set.partials["sections/" + name]);
  for (const std::string& id : ReasonIds())
    loader.Read("reasons/" + id + ".mustache", &set.partials["reasons/" + id]);
  loader.RefuseStrangers("", {"letter", "subject", "salutation", "date_line"});
  loader.RefuseStrangers("sections", section_names);
  loader.RefuseStrangers("reasons", std::set<std::string>(ReasonIds().begin(), ReasonIds().end()));

  std::set<std::string, std::less<>> partial_names = {kReasonsPartial};
  for (const auto& [name, text] : set.partials) partial_names.insert(name);
  for (const Single& single : singles) {
    std::string relative = std::string(single.name) + ".mustache";
    loader.Check(relative, *single.text, partial_names);
    if (std::string(single.name) != "letter") loader.CheckInline(relative, *single.text);
  }
  for (const auto& [name, text] : set.partials) {
    loader.Check(name + ".mustache", text, partial_names);
    if (name.starts_with("reasons/")) loader.CheckInline(name + ".mustache", text);
  }
  if (std::string cycle = FindCycle(set.partials); !cycle.empty())
    loader.Error(loader.Shown(cycle + ".mustache") + ": includes itself through its partials");
  Status status = loader.Finish();
  if (!status.ok()) return status;
  set.version = std::string(LanguageCode(language)) + "-" + loader.Digest().substr(0, 12);
  for (const Single& single : singles) *single.text = MarkParagraphs(*single.text);
  for (auto& [name, text] : set.partials) text = MarkParagraphs(text);
  return set;
}

}  // namespace parting::compose
