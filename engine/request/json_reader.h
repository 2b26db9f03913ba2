// Reading typed fields out of a parsed request, collecting every problem.
//
// The section readers (read_*.cc) walk the parsed tree (json_document.h)
// through these functions.
// Each takes a Node (a value and the JSON pointer where it was found) and an
// ErrorSink; on a problem it adds one FieldError and returns nullopt, so the
// caller just moves on and the request is reported in full at the end. Absent
// fields and JSON null are the same to an optional field. Not thread-safe (a
// sink belongs to one parse).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parting/amount.h"
#include "parting/date.h"
#include "parting/status.h"

namespace parting::request {

/// Length caps of api.md strings and lists.
inline constexpr size_t kNameChars = 200;   ///< names, titles, address lines
inline constexpr size_t kTextChars = 1000;  ///< free texts
inline constexpr size_t kAddressLines = 10;
inline constexpr size_t kListItems = 200;

/// Every problem found in one request, in the order found.
class ErrorSink {
 public:
  void Add(std::string pointer, std::string message);
  bool empty() const { return errors_.empty(); }
  std::vector<FieldError> Take() { return std::move(errors_); }

 private:
  std::vector<FieldError> errors_;
};

/// RFC 6901: `parent` + "/" + token with '~' as "~0" and '/' as "~1".
std::string ChildPointer(std::string_view parent, std::string_view token);
std::string ChildPointer(std::string_view parent, size_t index);

/// A value of the request (in a tree that outlives the node) and where it
/// is. A missing field does not exist(); a JSON null exists but is not
/// present().
struct Node {
  const nlohmann::json* value = nullptr;
  std::string pointer;
  bool exists() const { return value != nullptr; }
  bool present() const { return exists() && !value->is_null(); }
};

/// A JSON object whose fields are known in advance. Construction reports every
/// other field as unknown, with a spelling suggestion when one is close.
class ObjectReader {
 public:
  ObjectReader(const nlohmann::json& object, std::string pointer,
               std::initializer_list<std::string_view> known, ErrorSink& sink);
  /// The field `key` (one of the known names), possibly absent.
  Node Field(std::string_view key) const;
  const std::string& pointer() const { return pointer_; }

 private:
  const nlohmann::json* object_;
  std::string pointer_;
};

/// Present and not a string of nothing but spaces: empty strings count as
/// absent (api.md).
bool Given(const Node& node);
/// Reports "is required", "must not be null" or "must not be empty" unless the
/// node is Given().
bool Require(const Node& node, ErrorSink& sink);

/// An object with the `known` fields; nullopt when absent, null or not an object.
std::optional<ObjectReader> ReadObject(const Node& node,
                                       std::initializer_list<std::string_view> known,
                                       ErrorSink& sink);
/// The items of an array (at most `max_items`, called `noun` in the message);
/// nullopt when absent, null or wrong.
std::optional<std::vector<Node>> ReadArray(const Node& node, size_t max_items, ErrorSink& sink,
                                           std::string_view noun = "items");
/// A required string (say an item of a list): Require() and ReadString().
std::optional<std::string> ReadRequiredString(const Node& node, size_t max_chars, ErrorSink& sink);

/// A string without surrounding spaces, checked for UTF-8, control, line
/// separator and bidi override characters and for at most `max_chars` code
/// points. Empty strings are returned as such; callers treat them as absent.
std::optional<std::string> ReadString(const Node& node, size_t max_chars, ErrorSink& sink);
std::optional<bool> ReadBool(const Node& node, ErrorSink& sink);
/// A JSON integer in [min, max]; `unit` names the range in the message.
std::optional<int> ReadInteger(const Node& node, int min, int max, std::string_view unit,
                               ErrorSink& sink);
/// The dates a request may hold: every date the rules compute from them
/// (periods of at most ten years, renewals) then stays a four-digit year.
inline constexpr Date kFirstDate{1900, 1, 1};
inline constexpr Date kLastDate{9899, 12, 31};

/// "YYYY-MM-DD" from kFirstDate to kLastDate; an empty string is absent.
std::optional<Date> ReadDate(const Node& node, ErrorSink& sink);
/// A decimal string ("1250.00"); an empty string is absent.
std::optional<Amount> ReadAmount(const Node& node, ErrorSink& sink);

/// One spelling of an enum value in the request.
template <typename E>
struct EnumName {
  std::string_view name;
  E value;
};

/// An exact enum string; nullopt when absent or empty, and after reporting
/// "must be one of a, b, c" for any other string.
template <typename E, size_t N>
std::optional<E> ReadEnum(const Node& node, const EnumName<E> (&names)[N], ErrorSink& sink) {
  const std::optional<std::string> text = ReadString(node, kNameChars, sink);
  if (!text || text->empty()) return std::nullopt;
  for (const EnumName<E>& n : names)
    if (n.name == *text) return n.value;
  std::string list;
  for (const EnumName<E>& n : names) list += (list.empty() ? "" : ", ") + std::string(n.name);
  sink.Add(node.pointer, "must be one of " + list);
  return std::nullopt;
}

}  // namespace parting::request
