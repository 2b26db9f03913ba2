#include "request/json_document.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "parting/request.h"
#include "request/json_reader.h"

namespace parting::request {
namespace {

using Json = nlohmann::json;

// An input iterator over the text that records how far nlohmann's lexer has
// read, so that the handler knows where the token it is handed ends.
class TrackedChar {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackedChar(const char* at, const char** read_end) : at_(at), read_end_(read_end) {}
  reference operator*() const { return *at_; }
  TrackedChar& operator++() {
    *read_end_ = ++at_;
    return *this;
  }
  TrackedChar operator++(int) {
    TrackedChar old = *this;
    ++*this;
    return old;
  }
  bool operator==(const TrackedChar& other) const { return at_ == other.at_; }
  bool operator!=(const TrackedChar& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  const char** read_end_;
};

// `text` with control characters shown as '?', for messages.
std::string Printable(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  return text;
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// "line L, column C: " for the byte offset `at` of `text` (clamped to it).
std::string PositionOf(std::string_view text, size_t at) {
  at = std::min(at, text.size());
  size_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at; ++i)
    if (text[i] == '\n') ++line, line_start = i + 1;
  const size_t column = CountCodePoints(text.substr(line_start, at - line_start)) + 1;
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": ";
}

// Builds the tree (as nlohmann's json_sax_dom_parser does) and turns every
// failure, the library's or its own, into one positioned Status.
class TreeBuilder {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  explicit TreeBuilder(std::string_view text) : text_(text), read_end_(text.data()) {}

  const char** read_end() { return &read_end_; }
  Json& root() { return root_; }
  const Status& failure() const { return failure_; }

  /// After a parse that succeeded: nlohmann takes a NUL byte for the end of
  /// the input, which the text itself may go on after.
  bool CheckFullyRead() {
    const size_t read = Read();
    if (read > 0 && text_[read - 1] == '\0')
      return Fail(read - 1, "unexpected text after the end of the JSON object");
    return true;
  }

  bool null() { return Add(Json(nullptr)); }
  bool boolean(bool value) { return Add(Json(value)); }
  bool number_integer(number_integer_t value) { return Add(Json(value)); }
  bool number_unsigned(number_unsigned_t value) { return Add(Json(value)); }
  bool number_float(number_float_t value, const string_t& token) {
    // Integers beyond 64 bits reach here as doubles; the request has no use
    // for them, and a double would silently round them.
    if (token.find_first_of(".eE") == string_t::npos)
      return Fail(NumberStart(token), "number too large");
    return Add(Json(value));
  }
  bool string(string_t& value) { return Add(Json(std::move(value))); }
  bool binary(binary_t&) { return Fail(Read(), "unexpected binary value"); }

  bool start_object(std::size_t) { return Open(Json::object()); }
  bool start_array(std::size_t) { return Open(Json::array()); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }

  bool key(string_t& key) {
    Json& object = *stack_.back();
    if (object.contains(key)) {
      // The message says where; the error also names the field by pointer.
      const std::string position = Position(KeyStart());
      failure_ = Status::Unparseable(
          position + "the field \"" + Printable(key) + "\" appears twice in one object",
          {{ChildPointer(pointers_.back(), key),
            "appears twice in one object (" + position.substr(0, position.size() - 2) + ")"}});
      return false;
    }
    key_ = key;
    member_ = &object[key];
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& error) {
    Describe(position, last_token, error);
    return false;
  }

 private:
  size_t Read() const { return static_cast<size_t>(read_end_ - text_.data()); }

  std::string Position(size_t at) const { return PositionOf(text_, at); }

  bool Fail(size_t at, const std::string& what) {
    failure_ = Status::Unparseable(Position(at) + what);
    return false;
  }

  // Puts `value` where the parse stands: the root, the next item of the
  // innermost array, or the member whose key came last.
  Json* Place(Json value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    *member_ = std::move(value);
    return member_;
  }

  bool Add(Json value) {
    Place(std::move(value));
    return true;
  }

  bool Open(Json container) {
    // The bracket is the last character the lexer read.
    if (stack_.size() >= kMaxJsonDepth)
      return Fail(Read() - 1, "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    std::string pointer;
    if (!stack_.empty())
      pointer = stack_.back()->is_array() ? ChildPointer(pointers_.back(), stack_.back()->size())
                                          : ChildPointer(pointers_.back(), key_);
    stack_.push_back(Place(std::move(container)));
    pointers_.push_back(std::move(pointer));
    return true;
  }

  bool Close() {
    stack_.pop_back();
    pointers_.pop_back();
    closed_ = stack_.empty();
    return true;
  }

  // The opening quote of the key just read (its closing quote was the last
  // character read): the nearest quote before it not escaped by a backslash.
  size_t KeyStart() const {
    for (size_t at = Read() - 1; at-- > 0;) {
      if (text_[at] != '"') continue;
      size_t backslashes = 0;
      while (backslashes < at && text_[at - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return at;
    }
    return 0;
  }

  // Where the number `token` starts: the lexer may have read one character
  // beyond it.
  size_t NumberStart(const std::string& token) const {
    const size_t read = Read();
    if (read > token.size() && text_.substr(read - 1 - token.size(), token.size()) == token)
      return read - 1 - token.size();
    return read >= token.size() ? read - token.size() : 0;
  }

  // The last "\u" escape before `end`, for which `accept` holds of its four
  // hex digits (when it has them).
  template <typename Accept>
  std::optional<size_t> LastEscape(size_t end, Accept accept) const {
    for (size_t at = std::min(end, text_.size()); at-- > 0;) {
      if (text_[at] != '\\' || at + 1 >= text_.size() || text_[at + 1] != 'u') continue;
      if (accept(text_.substr(at + 2, 4))) return at;
    }
    return std::nullopt;
  }

  static bool IsHighSurrogate(std::string_view hex) {
    if (hex.size() != 4 || !std::all_of(hex.begin(), hex.end(), IsHex)) return false;
    const unsigned value = std::stoul(std::string(hex), nullptr, 16);
    return value >= 0xD800 && value <= 0xDBFF;
  }

  // What the parser expected, in words, at an unexpected token.
  static std::string Expected(std::string_view context, bool at_end) {
    if (context == "object key") return "expected a field name in double quotes";
    if (context == "object separator") return "expected ':' after the field name";
    if (context == "object" || context == "array") {
      const std::string close = context == "object" ? "'}'" : "']'";
      return (at_end ? "unexpected end of the text, expected ',' or " : "expected ',' or ") + close;
    }
    return at_end ? "unexpected end of the text, expected a value"
                  : "unexpected character, expected a value";
  }

  // Maps nlohmann's error ("... while parsing CONTEXT - WHAT; last read:
  // '...'" or "... - unexpected TOKEN; expected ...") to a message and the
  // offset it points at. `position` counts the characters the lexer read,
  // the end of the input included.
  void Describe(size_t position, const std::string& last_token,
                const nlohmann::detail::exception& error) {
    const std::string what = error.what();
    const bool at_end = position > text_.size();
    const size_t last = position == 0 ? 0 : position - 1;  // the last character read
    if (error.id == 406) {                                 // a float beyond double
      Fail(position - last_token.size(), "number too large");
      return;
    }
    const size_t context_at = what.find("while parsing ");
    const size_t dash = what.find(" - ", context_at);
    const std::string context = context_at == std::string::npos || dash == std::string::npos
                                    ? "value"
                                    : what.substr(context_at + 14, dash - context_at - 14);
    const std::string detail = dash == std::string::npos ? what : what.substr(dash + 3);
    const auto says = [&](std::string_view words) { return detail.rfind(words, 0) == 0; };

    if (says("unexpected ")) {
      size_t at = last;
      if (says("unexpected string literal") || says("unexpected number literal")) {
        at = position - last_token.size();
        // "012": the lexer reads "0", then "12" as the next number.
        if (says("unexpected number literal") && at > 0 && text_[at - 1] == '0') {
          Fail(at - 1, "numbers must not start with 0");
          return;
        }
      } else if (says("unexpected true literal") || says("unexpected null literal")) {
        at = position - 4;
      } else if (says("unexpected false literal")) {
        at = position - 5;
      }
      if (closed_) {
        Fail(at, "unexpected text after the end of the JSON object");
      } else {
        Fail(at, Expected(context, at_end));
      }
      return;
    }
    if (says("invalid literal")) {
      // A word that began like true, false or null points at its start.
      size_t at = last;
      for (std::string_view word : {"true", "false", "null"})
        for (size_t k = word.size() - 1; k > 0; --k)
          if (last >= k && text_.substr(last - k, k) == word.substr(0, k)) {
            at = std::min(at, last - k);
            break;
          }
      if (closed_) {
        Fail(at, "unexpected text after the end of the JSON object");
      } else if (context == "value" && text_[at] == '\'') {
        Fail(at, "strings must be in double quotes");
      } else {
        Fail(at, Expected(context, /*at_end=*/false));
      }
      return;
    }
    const size_t offending = at_end ? text_.size() : last;
    if (says("invalid number; expected digit after '-'")) {
      Fail(offending, "invalid number");
    } else if (says("invalid number; expected digit after '.'")) {
      Fail(offending, "invalid number: digits must follow '.'");
    } else if (says("invalid number")) {
      Fail(offending, "invalid number: digits must follow 'e'");
    } else if (says("invalid string: control character")) {
      Fail(last, "a control character inside a string must be escaped");
    } else if (says("invalid string: missing closing quote")) {
      Fail(text_.size(), "unterminated string");
    } else if (says("invalid string: forbidden character after backslash")) {
      Fail(position - 2, at_end ? "unterminated string" : "invalid escape sequence in a string");
    } else if (says("invalid string: surrogate U+DC00..U+DFFF")) {
      Fail(position - 6, "a lone low surrogate in a \\u escape");
    } else if (says("invalid string: surrogate U+D800..U+DBFF")) {
      Fail(LastEscape(position, IsHighSurrogate).value_or(last),
           "a high surrogate in a \\u escape without its low surrogate");
    } else if (says("invalid string: '\\u' must be followed by 4 hex digits")) {
      const size_t at = LastEscape(position, [](std::string_view) { return true; }).value_or(last);
      // A high surrogate whose low half is cut short.
      if (at >= 6 && IsHighSurrogate(text_.substr(at - 4, 4)) && text_.substr(at - 6, 2) == "\\u") {
        Fail(at - 6, "a high surrogate in a \\u escape without its low surrogate");
      } else {
        Fail(at, "\\u must be followed by four hex digits");
      }
    } else {  // ill-formed UTF-8 is refused before the parse
      Fail(last, detail);
    }
  }

  std::string_view text_;
  const char* read_end_;
  Json root_;
  std::vector<Json*> stack_;           // the open containers, innermost last
  std::vector<std::string> pointers_;  // the JSON pointer of each
  std::string key_;                    // the key read last
  Json* member_ = nullptr;             // where the value of key_ goes
  bool closed_ = false;                // the top-level object has ended
  Status failure_;
};

std::string_view StripByteOrderMark(std::string_view json) {
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  return json;
}

}  // namespace

Result<nlohmann::json> ParseJsonObject(std::string_view json) {
  if (json.size() > kMaxRequestBytes)
    return Status::Unparseable("the request is " + std::to_string(json.size()) +
                               " bytes; at most " + std::to_string(kMaxRequestBytes) +
                               " are accepted");
  if (const std::optional<size_t> bad = FirstInvalidUtf8(json))
    return Status::Unparseable("not valid UTF-8 at byte " + std::to_string(*bad));
  const std::string_view text = StripByteOrderMark(json);
  const size_t first = text.find_first_not_of(" \t\n\r");
  if (first == std::string_view::npos)
    return Status::Unparseable(PositionOf(text, text.size()) + "the request is empty");
  if (text[first] != '{')
    return Status::Unparseable(PositionOf(text, first) + "the request must be a JSON object");

  TreeBuilder builder(text);
  const bool parsed =
      Json::sax_parse(TrackedChar(text.data(), builder.read_end()),
                      TrackedChar(text.data() + text.size(), builder.read_end()), &builder) &&
      builder.CheckFullyRead();
  if (!parsed) return builder.failure();
  return std::move(builder.root());
}

}  // namespace parting::request
