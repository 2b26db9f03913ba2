#include "request/json_syntax.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

#include "parting/request.h"
#include "core/utf8.h"

namespace parting::request {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// `text` with control characters shown as '?', for messages.
std::string Printable(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  return text;
}

// A recursive-descent grammar turned into a loop over an explicit stack of
// open containers.
class SyntaxChecker {
 public:
  explicit SyntaxChecker(std::string_view text) : text_(text) {}

  Status Run() {
    SkipSpace();
    if (AtEnd()) return Fail("the request is empty");
    if (text_[pos_] != '{') return Fail("the request must be a JSON object");
    Status status = Value();
    while (status.ok() && !stack_.empty()) status = AfterValue();
    if (!status.ok()) return status;
    SkipSpace();
    if (!AtEnd()) return Fail("unexpected text after the end of the JSON object");
    return Status::Ok();
  }

 private:
  struct Container {
    bool object;
    std::set<std::string> keys;
  };

  bool AtEnd() const { return pos_ >= text_.size(); }

  void SkipSpace() {
    while (!AtEnd() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
                        text_[pos_] == '\r'))
      ++pos_;
  }

  Status Fail(const std::string& what) const {
    size_t line = 1;
    size_t line_start = 0;
    const size_t end = std::min(pos_, text_.size());
    for (size_t i = 0; i < end; ++i) {
      if (text_[i] == '\n') ++line, line_start = i + 1;
    }
    const size_t column = CountCodePoints(text_.substr(line_start, end - line_start)) + 1;
    return Status::Unparseable("line " + std::to_string(line) + ", column " +
                               std::to_string(column) + ": " + what);
  }

  // One value; a container is opened and left on the stack for AfterValue().
  Status Value() {
    SkipSpace();
    if (AtEnd()) return Fail("unexpected end of the text, expected a value");
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      if (stack_.size() >= kMaxJsonDepth)
        return Fail("nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
      ++pos_;
      stack_.push_back({c == '{', {}});
      SkipSpace();
      const char close = c == '{' ? '}' : ']';
      if (!AtEnd() && text_[pos_] == close) {
        ++pos_;
        stack_.pop_back();
        return Status::Ok();
      }
      return c == '{' ? Member() : Value();
    }
    if (c == '"') return String(nullptr);
    if (c == '-' || IsDigit(c)) return Number();
    for (std::string_view word : {"true", "false", "null"}) {
      if (text_.substr(pos_, word.size()) == word) {
        pos_ += word.size();
        return Status::Ok();
      }
    }
    if (c == '\'') return Fail("strings must be in double quotes");
    return Fail("unexpected character, expected a value");
  }

  // "key": value, inside the innermost object.
  Status Member() {
    SkipSpace();
    if (AtEnd() || text_[pos_] != '"') return Fail("expected a field name in double quotes");
    const size_t key_start = pos_;
    std::string key;
    if (Status s = String(&key); !s.ok()) return s;
    if (!stack_.back().keys.insert(key).second) {
      pos_ = key_start;
      return Fail("the field \"" + Printable(key) + "\" appears twice in one object");
    }
    SkipSpace();
    if (AtEnd() || text_[pos_] != ':') return Fail("expected ':' after the field name");
    ++pos_;
    return Value();
  }

  // After a complete value inside a container: ',' and the next one, or close.
  Status AfterValue() {
    SkipSpace();
    const bool object = stack_.back().object;
    const char close = object ? '}' : ']';
    if (AtEnd())
      return Fail(std::string("unexpected end of the text, expected ',' or '") + close + "'");
    if (text_[pos_] == close) {
      ++pos_;
      stack_.pop_back();
      return Status::Ok();
    }
    if (text_[pos_] != ',') return Fail(std::string("expected ',' or '") + close + "'");
    ++pos_;
    return object ? Member() : Value();
  }

  // A string starting at the opening quote; its decoded text goes to `out`.
  Status String(std::string* out) {
    ++pos_;
    while (true) {
      if (AtEnd()) return Fail("unterminated string");
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return Status::Ok();
      }
      if (static_cast<unsigned char>(c) < 0x20)
        return Fail("a control character inside a string must be escaped");
      if (c != '\\') {
        if (out) *out += c;
        ++pos_;
        continue;
      }
      if (pos_ + 1 >= text_.size()) return Fail("unterminated string");
      const char e = text_[pos_ + 1];
      static constexpr std::string_view kSimple = "\"\\/bfnrt";
      static constexpr std::string_view kDecoded = "\"\\/\b\f\n\r\t";
      if (const size_t i = kSimple.find(e); i != std::string_view::npos) {
        if (out) *out += kDecoded[i];
        pos_ += 2;
        continue;
      }
      if (e != 'u') return Fail("invalid escape sequence in a string");
      std::optional<char32_t> unit = Hex4(pos_ + 2);
      if (!unit) return Fail("\\u must be followed by four hex digits");
      char32_t cp = *unit;
      size_t length = 6;
      if (cp >= 0xDC00 && cp <= 0xDFFF) return Fail("a lone low surrogate in a \\u escape");
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        std::optional<char32_t> low;
        if (text_.substr(pos_ + 6, 2) == "\\u") low = Hex4(pos_ + 8);
        if (!low || *low < 0xDC00 || *low > 0xDFFF)
          return Fail("a high surrogate in a \\u escape without its low surrogate");
        cp = 0x10000 + ((cp - 0xD800) << 10) + (*low - 0xDC00);
        length = 12;
      }
      if (out) AppendUtf8(cp, *out);
      pos_ += length;
    }
  }

  std::optional<char32_t> Hex4(size_t at) const {
    if (at + 4 > text_.size()) return std::nullopt;
    char32_t value = 0;
    for (size_t i = 0; i < 4; ++i) {
      const int h = HexValue(text_[at + i]);
      if (h < 0) return std::nullopt;
      value = value * 16 + h;
    }
    return value;
  }

  Status Number() {
    const size_t start = pos_;
    if (Status s = NumberToken(); !s.ok()) return s;
    if (!FitsPoco(text_.substr(start, pos_ - start))) {
      pos_ = start;
      return Fail("number too large");
    }
    return Status::Ok();
  }

  // Poco holds integers as Int64 or UInt64 and other numbers as double; it
  // throws, without a position, for anything beyond.
  static bool FitsPoco(std::string_view token) {
    const std::string number(token);
    if (token.find_first_of(".eE") == std::string_view::npos) {
      int64_t signed_value = 0;
      uint64_t unsigned_value = 0;
      const char* end = number.data() + number.size();
      return std::from_chars(number.data(), end, signed_value).ec == std::errc() ||
             std::from_chars(number.data(), end, unsigned_value).ec == std::errc();
    }
    return std::isfinite(std::strtod(number.c_str(), nullptr));
  }

  Status NumberToken() {
    if (text_[pos_] == '-') ++pos_;
    if (AtEnd() || !IsDigit(text_[pos_])) return Fail("invalid number");
    if (text_[pos_] == '0' && pos_ + 1 < text_.size() && IsDigit(text_[pos_ + 1]))
      return Fail("numbers must not start with 0");
    while (!AtEnd() && IsDigit(text_[pos_])) ++pos_;
    if (!AtEnd() && text_[pos_] == '.') {
      ++pos_;
      if (AtEnd() || !IsDigit(text_[pos_])) return Fail("invalid number: digits must follow '.'");
      while (!AtEnd() && IsDigit(text_[pos_])) ++pos_;
    }
    if (!AtEnd() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (!AtEnd() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (AtEnd() || !IsDigit(text_[pos_])) return Fail("invalid number: digits must follow 'e'");
      while (!AtEnd() && IsDigit(text_[pos_])) ++pos_;
    }
    return Status::Ok();
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::vector<Container> stack_;
};

}  // namespace

std::string_view StripByteOrderMark(std::string_view json) {
  if (json.substr(0, 3) == "\xEF\xBB\xBF") json.remove_prefix(3);
  return json;
}

Status CheckJsonSyntax(std::string_view json) {
  if (json.size() > kMaxRequestBytes)
    return Status::Unparseable("the request is " + std::to_string(json.size()) +
                               " bytes; at most " + std::to_string(kMaxRequestBytes) +
                               " are accepted");
  if (const std::optional<size_t> bad = FirstInvalidUtf8(json))
    return Status::Unparseable("not valid UTF-8 at byte " + std::to_string(*bad));
  return SyntaxChecker(StripByteOrderMark(json)).Run();
}

}  // namespace parting::request
