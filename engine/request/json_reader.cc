#include "request/json_reader.h"

#include <limits>

#include "core/utf8.h"
#include "request/printable.h"
#include "request/spelling.h"

namespace parting::request {
namespace {

using Json = nlohmann::json;

std::string KindOf(const Json& v) {
  if (v.is_object()) return "an object";
  if (v.is_array()) return "an array";
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_float()) return "a decimal number";
  if (v.is_number()) return "a number";
  return "null";
}

void ReportType(const Node& node, std::string_view wanted, ErrorSink& sink) {
  sink.Add(node.pointer, "must be " + std::string(wanted) + ", not " + KindOf(*node.value));
}

// Characters that have no place in a letter: they break lines, hide text or
// reorder it on screen (CVE-2021-42574, "Trojan Source").
std::optional<std::string> ForbiddenCharacter(char32_t cp) {
  if (cp <= 0x1F || (cp >= 0x7F && cp <= 0x9F))
    return "must not contain control characters (" + CodePointName(cp) + ")";
  if (cp == 0x2028 || cp == 0x2029)
    return "must not contain line or paragraph separators (" + CodePointName(cp) + ")";
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
    return "must not contain bidirectional control characters (" + CodePointName(cp) + ")";
  // Private-use code points mean nothing outside an agreement between two
  // programs, and the letter's own markup uses some of them.
  if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000)
    return "must not contain private-use characters (" + CodePointName(cp) + ")";
  return std::nullopt;
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

bool IsIsoDateShape(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

// Digits, optionally a '.' and more digits: the shape of an amount, whatever
// its size or number of decimals.
bool IsPlainDecimal(std::string_view text) {
  const size_t dot = text.find('.');
  const auto digits = [](std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return digits(text.substr(0, dot)) &&
         (dot == std::string_view::npos || digits(text.substr(dot + 1)));
}

}  // namespace

void ErrorSink::Add(std::string pointer, std::string message) {
  errors_.push_back({std::move(pointer), std::move(message)});
}

std::string ChildPointer(std::string_view parent, std::string_view token) {
  std::string pointer(parent);
  pointer += '/';
  for (char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
  return pointer;
}

std::string ChildPointer(std::string_view parent, size_t index) {
  return std::string(parent) + "/" + std::to_string(index);
}

ObjectReader::ObjectReader(const Json& object, std::string pointer,
                           std::initializer_list<std::string_view> known, ErrorSink& sink)
    : object_(&object), pointer_(std::move(pointer)) {
  const std::vector<std::string_view> names(known);
  for (const auto& [key, value] : object_->items()) {
    bool is_known = false;
    for (std::string_view name : names) is_known = is_known || name == key;
    if (is_known) continue;
    std::string message = "unknown field";
    if (const std::optional<std::string_view> close = ClosestName(key, names))
      message += " (did you mean '" + std::string(*close) + "'?)";
    sink.Add(ChildPointer(pointer_, key), std::move(message));
  }
}

Node ObjectReader::Field(std::string_view key) const {
  Node node;
  node.pointer = ChildPointer(pointer_, key);
  if (const auto found = object_->find(key); found != object_->end()) node.value = &*found;
  return node;
}

bool Given(const Node& node) {
  return node.present() && !(node.value->is_string() &&
                             TrimSpaces(node.value->get_ref<const std::string&>()).empty());
}

bool Require(const Node& node, ErrorSink& sink) {
  if (Given(node)) return true;
  sink.Add(node.pointer, !node.exists()    ? "is required"
                         : !node.present() ? "must not be null"
                                           : "must not be empty");
  return false;
}

std::optional<ObjectReader> ReadObject(const Node& node,
                                       std::initializer_list<std::string_view> known,
                                       ErrorSink& sink) {
  if (!node.present()) return std::nullopt;
  if (!node.value->is_object()) {
    ReportType(node, "an object", sink);
    return std::nullopt;
  }
  return ObjectReader(*node.value, node.pointer, known, sink);
}

std::optional<std::vector<Node>> ReadArray(const Node& node, size_t max_items, ErrorSink& sink,
                                           std::string_view noun) {
  if (!node.present()) return std::nullopt;
  if (!node.value->is_array()) {
    ReportType(node, "an array", sink);
    return std::nullopt;
  }
  const Json& array = *node.value;
  if (array.size() > max_items) {
    sink.Add(node.pointer,
             "must have at most " + std::to_string(max_items) + " " + std::string(noun));
    return std::nullopt;
  }
  std::vector<Node> items;
  items.reserve(array.size());
  for (size_t i = 0; i < array.size(); ++i)
    items.push_back({&array[i], ChildPointer(node.pointer, i)});
  return items;
}

std::optional<std::string> ReadString(const Node& node, size_t max_chars, ErrorSink& sink) {
  if (!node.present()) return std::nullopt;
  if (!node.value->is_string()) {
    ReportType(node, "a string", sink);
    return std::nullopt;
  }
  const std::string& raw = node.value->get_ref<const std::string&>();
  for (size_t pos = 0; pos < raw.size();) {
    const std::optional<char32_t> cp = DecodeUtf8(raw, pos);
    if (!cp) {
      sink.Add(node.pointer, "is not valid UTF-8");
      return std::nullopt;
    }
    if (std::optional<std::string> why = ForbiddenCharacter(*cp)) {
      sink.Add(node.pointer, std::move(*why));
      return std::nullopt;
    }
  }
  const std::string_view text = TrimSpaces(raw);
  if (CountCodePoints(text) > max_chars) {
    sink.Add(node.pointer, "must be at most " + std::to_string(max_chars) + " characters");
    return std::nullopt;
  }
  if (std::string why = UnprintableCharacters(text); !why.empty()) {
    sink.Add(node.pointer, std::move(why));
    return std::nullopt;
  }
  return std::string(text);
}

std::optional<std::string> ReadRequiredString(const Node& node, size_t max_chars, ErrorSink& sink) {
  if (!Require(node, sink)) return std::nullopt;
  return ReadString(node, max_chars, sink);
}

std::optional<bool> ReadBool(const Node& node, ErrorSink& sink) {
  if (!node.present()) return std::nullopt;
  if (!node.value->is_boolean()) {
    ReportType(node, "true or false", sink);
    return std::nullopt;
  }
  return node.value->get<bool>();
}

std::optional<int> ReadInteger(const Node& node, int min, int max, std::string_view unit,
                               ErrorSink& sink) {
  if (!node.present()) return std::nullopt;
  if (!node.value->is_number_integer()) {
    ReportType(node, "a whole number", sink);
    return std::nullopt;
  }
  // nlohmann holds integers from 0 up as unsigned, the negative ones as signed.
  const Json& v = *node.value;
  const bool fits = !v.is_number_unsigned() ||
                    v.get<uint64_t>() <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  const int64_t value = fits ? v.get<int64_t>() : 0;
  const bool in_range = fits && value >= min && value <= max;
  if (!in_range) {
    std::string message = "must be between " + std::to_string(min) + " and " + std::to_string(max);
    if (!unit.empty()) message += " " + std::string(unit);
    sink.Add(node.pointer, std::move(message));
    return std::nullopt;
  }
  return static_cast<int>(value);
}

std::optional<Date> ReadDate(const Node& node, ErrorSink& sink) {
  if (node.present() && !node.value->is_string()) {
    ReportType(node, "a date string such as \"2026-11-22\"", sink);
    return std::nullopt;
  }
  const std::optional<std::string> text = ReadString(node, kNameChars, sink);
  if (!text || text->empty()) return std::nullopt;
  if (!IsIsoDateShape(*text)) {
    sink.Add(node.pointer, "must be a date written YYYY-MM-DD");
    return std::nullopt;
  }
  std::optional<Date> date = Date::FromIso(*text);
  if (!date) {
    sink.Add(node.pointer, "not a real date: " + *text);
    return std::nullopt;
  }
  if (*date < kFirstDate || kLastDate < *date) {
    sink.Add(node.pointer,
             "must be a date from " + kFirstDate.ToIso() + " to " + kLastDate.ToIso());
    return std::nullopt;
  }
  return date;
}

std::optional<Amount> ReadAmount(const Node& node, ErrorSink& sink) {
  if (node.present() && node.value->is_number()) {
    sink.Add(node.pointer, "write amounts as a decimal string such as \"1250.00\"");
    return std::nullopt;
  }
  const std::optional<std::string> text = ReadString(node, kNameChars, sink);
  if (!text || text->empty()) return std::nullopt;
  if (std::optional<Amount> amount = Amount::FromDecimal(*text)) return amount;

  const std::string_view plain =
      text->front() == '-' ? std::string_view(*text).substr(1) : std::string_view(*text);
  const size_t dot = plain.find('.');
  if (!IsPlainDecimal(plain)) {
    sink.Add(node.pointer, "must be a decimal number such as \"1250.00\"");
  } else if (text->front() == '-') {
    sink.Add(node.pointer, "must not be negative");
  } else if (dot != std::string_view::npos && plain.size() - dot - 1 > 2) {
    sink.Add(node.pointer, "must have at most two decimals");
  } else {
    sink.Add(node.pointer, "is too large");
  }
  return std::nullopt;
}

}  // namespace parting::request
