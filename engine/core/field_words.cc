#include "parting/field_words.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace parting {
namespace {

// Segments that are only grouping for the machine: "requested end date"
// reads better than "termination requested end date".
constexpr std::array kSilentGroups = {std::string_view("termination"), std::string_view("options"),
                                      std::string_view("delivery"), std::string_view("transition"),
                                      std::string_view("legal")};

// Segment names whose words are not the name with spaces.
constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kWords = {{
    {"email", "e-mail"},
    {"vat_id", "VAT ID"},
    {"tax_id", "tax ID"},
    {"due", "due date"},
    {"signed_on", "signing date"},
    {"handover_by", "handover date"},
    {"term_end", "end of term"},
    {"to", "recipient"},
    {"cc", "copy recipients"},
    {"sign", "signature"},
    {"archive", "archive copy"},
}};

// A list's name and what one of its items is called.
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kItems = {{
    {"projects", "project"},
    {"documented_situations", "documented situation"},
    {"alternatives", "alternative"},
    {"reasons", "reason"},
    {"managing_directors", "managing director"},
    {"address", "address line"},
    {"cc", "copy recipient"},
}};

// Messages that already read as the rest of a sentence about the field.
constexpr std::array kPredicates = {std::string_view("is "),    std::string_view("must "),
                                    std::string_view("needs "), std::string_view("repeats "),
                                    std::string_view("has "),   std::string_view("was ")};

constexpr std::string_view kUnknownField = "unknown field";

std::vector<std::string> Segments(std::string_view pointer) {
  std::vector<std::string> segments;
  while (!pointer.empty() && pointer.front() == '/') {
    pointer.remove_prefix(1);
    const size_t end = pointer.find('/');
    std::string segment(pointer.substr(0, end));
    for (size_t at = 0; (at = segment.find('~', at)) != std::string::npos; ++at)
      segment.replace(at, 2, segment.compare(at, 2, "~1") == 0 ? "/" : "~");
    segments.push_back(std::move(segment));
    pointer = end == std::string_view::npos ? std::string_view() : pointer.substr(end);
  }
  return segments;
}

bool IsIndex(const std::string& segment) {
  if (segment.empty() || segment.size() > 9) return false;
  for (char c : segment)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string Words(std::string_view segment) {
  for (const auto& [name, words] : kWords)
    if (segment == name) return std::string(words);
  std::string words(segment);
  for (char& c : words)
    if (c == '_') c = ' ';
  return words;
}

std::string ItemWords(std::string_view list, const std::string& index) {
  std::string number = std::to_string(std::stoul(index) + 1);
  for (const auto& [name, item] : kItems)
    if (list == name) return std::string(item) + " " + number;
  return Words(list) + " item " + number;
}

// The words of the segments, without the comparison's /before or /after.
std::string Phrase(const std::vector<std::string>& segments, size_t from) {
  std::string phrase;
  for (size_t i = from; i < segments.size(); ++i) {
    const std::string& segment = segments[i];
    if (IsIndex(segment)) continue;  // spoken with its list below
    std::string words;
    if (i + 1 < segments.size() && IsIndex(segments[i + 1]))
      words = ItemWords(segment, segments[i + 1]);
    else if (i + 1 < segments.size() &&
             std::find(kSilentGroups.begin(), kSilentGroups.end(), segment) != kSilentGroups.end())
      continue;
    else
      words = Words(segment);
    if (!phrase.empty()) phrase += ' ';
    phrase += words;
  }
  return phrase;
}

}  // namespace

std::string FieldInWords(std::string_view pointer) {
  const std::vector<std::string> segments = Segments(pointer);
  if (segments.empty()) return "the request";
  const bool compared = segments.front() == "before" || segments.front() == "after";
  if (!compared) return Phrase(segments, 0);
  const std::string version = segments.front() == "before" ? "earlier letter" : "revised letter";
  if (segments.size() == 1) return "the " + version;
  return Phrase(segments, 1) + " (" + version + ")";
}

std::string ErrorInWords(const FieldError& error) {
  const std::string_view message = error.message;
  if (message.starts_with(kUnknownField) && !error.pointer.empty()) {
    // The pointer names the unknown key: say where it is and what it is.
    const size_t slash = error.pointer.rfind('/');
    const std::string_view parent = std::string_view(error.pointer).substr(0, slash);
    const std::vector<std::string> key = Segments(error.pointer.substr(slash));
    const std::string name = key.empty() ? std::string() : key.front();
    return FieldInWords(parent) + " has an unknown field '" + name + "'" +
           std::string(message.substr(kUnknownField.size()));
  }
  const std::string field = FieldInWords(error.pointer);
  if (message == "is required") return field + " is missing";
  for (std::string_view predicate : kPredicates)
    if (message.starts_with(predicate)) return field + " " + std::string(message);
  // About the whole document ("line 1, column 2: …"): the message says it all.
  if (error.pointer.empty()) return std::string(message);
  return field + ": " + std::string(message);
}

}  // namespace parting
