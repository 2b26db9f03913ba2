#include "batch/items.h"

#include <cctype>
#include <string>

namespace parting::batch {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Walks the body once, counting lines, and cuts it at the array's top-level
// commas. Brackets are only counted, not matched: a mismatched item is still
// one item, and its own parse says what is wrong with it.
class ArrayScanner {
 public:
  explicit ArrayScanner(std::string_view body) : body_(body) {
    if (body_.starts_with(kByteOrderMark)) pos_ = kByteOrderMark.size();
  }

  Result<std::vector<BatchItemText>> Run() {
    SkipSpace();
    if (pos_ >= body_.size() || body_[pos_] != '[')
      return Status::Unparseable(
          "the batch must be a JSON array of requests, or JSON Lines sent as "
          "application/x-ndjson");
    ++pos_;
    SkipSpace();
    std::vector<BatchItemText> items;
    if (pos_ < body_.size() && body_[pos_] == ']') {
      ++pos_;
      return Finish(std::move(items));
    }
    while (true) {
      const size_t start = pos_;
      const size_t start_line = line_;
      const char end = ScanItem();
      if (end == '\0') return Unterminated();
      items.push_back(ItemAt(start, pos_, start_line));
      ++pos_;  // the ',' or ']'
      if (end == ']') return Finish(std::move(items));
    }
  }

 private:
  // Advances to the ',' or ']' that ends the current item; returns it, or
  // '\0' at the end of the body.
  char ScanItem() {
    size_t depth = 0;
    for (; pos_ < body_.size(); ++pos_) {
      const char c = body_[pos_];
      if (c == '\n') ++line_;
      if (c == '"') {
        if (!SkipString()) return '\0';
        continue;
      }
      if (c == '{' || c == '[') {
        ++depth;
      } else if (c == '}' || c == ']') {
        if (depth == 0 && c == ']') return c;
        if (depth > 0) --depth;
      } else if (c == ',' && depth == 0) {
        return c;
      }
    }
    return '\0';
  }

  // From an opening quote to its closing quote (pos_ then on it).
  bool SkipString() {
    for (++pos_; pos_ < body_.size(); ++pos_) {
      const char c = body_[pos_];
      if (c == '\\') {
        ++pos_;
        continue;
      }
      if (c == '\n') ++line_;
      if (c == '"') return true;
    }
    return false;
  }

  void SkipSpace() {
    while (pos_ < body_.size() && IsSpace(body_[pos_])) {
      if (body_[pos_] == '\n') ++line_;
      ++pos_;
    }
  }

  BatchItemText ItemAt(size_t start, size_t end, size_t start_line) const {
    std::string_view raw = body_.substr(start, end - start);
    // The item's line is where its first character is, not where the comma was.
    size_t line = start_line;
    for (char c : raw) {
      if (!IsSpace(c)) break;
      if (c == '\n') ++line;
    }
    return {Trim(raw), line};
  }

  Result<std::vector<BatchItemText>> Finish(std::vector<BatchItemText> items) {
    SkipSpace();
    if (pos_ != body_.size())
      return Status::Unparseable("line " + std::to_string(line_) +
                                 ": the batch array is followed by more text");
    return items;
  }

  Status Unterminated() const {
    return Status::Unparseable("the batch array ends before its closing ]");
  }

  std::string_view body_;
  size_t pos_ = 0;
  size_t line_ = 1;
};

}  // namespace

Result<std::vector<BatchItemText>> SplitJsonArray(std::string_view body) {
  return ArrayScanner(body).Run();
}

std::vector<BatchItemText> SplitJsonLines(std::string_view body) {
  if (body.starts_with(kByteOrderMark)) body.remove_prefix(kByteOrderMark.size());
  std::vector<BatchItemText> items;
  size_t line = 1;
  while (!body.empty()) {
    const size_t newline = body.find('\n');
    const std::string_view text = Trim(body.substr(0, newline));
    if (!text.empty()) items.push_back({text, line});
    if (newline == std::string_view::npos) break;
    body.remove_prefix(newline + 1);
    ++line;
  }
  return items;
}

bool LooksLikeJsonArray(std::string_view body) {
  if (body.starts_with(kByteOrderMark)) body.remove_prefix(kByteOrderMark.size());
  body = Trim(body);
  return !body.empty() && body.front() == '[';
}

bool IsJsonLinesContentType(std::string_view content_type) {
  std::string type;
  for (char c : content_type.substr(0, content_type.find(';')))
    if (!IsSpace(c)) type += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "application/x-ndjson" || type == "application/jsonl";
}

}  // namespace parting::batch
