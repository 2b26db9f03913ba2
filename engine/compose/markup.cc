// The block markup parser: lines into blocks, inline text into spans.
#include "compose/markup.h"

#include "compose/escape.h"
#include "parting/section.h"

namespace parting::compose {
namespace {

constexpr std::string_view kDirective = "@section ";

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// Collects spans of one block, merging neighbours of the same style and
// collapsing white space across span boundaries.
class SpanBuilder {
 public:
  void Add(std::string_view text, bool bold, bool italic, bool verbatim,
           bool from_request = false) {
    for (char c : text) {
      // A value that ends with an abbreviation's dot ("2026 r.", "Ltda.")
      // takes the sentence's full stop: never two in a row.
      if (c == '.' && !from_request && LastChar() == '.') continue;
      bool space = c == ' ' || c == '\t';
      if (space) {
        if (spans_.empty() || last_was_space_) continue;
        last_was_space_ = true;
        c = ' ';
      } else {
        last_was_space_ = false;
      }
      if (spans_.empty() || spans_.back().bold != bold || spans_.back().italic != italic ||
          spans_.back().verbatim != verbatim || spans_.back().from_request != from_request) {
        spans_.push_back(Span{"", bold, italic, verbatim, from_request});
      }
      spans_.back().text += c;
    }
  }

  char LastChar() const {
    for (auto span = spans_.rbegin(); span != spans_.rend(); ++span)
      if (!span->text.empty()) return span->text.back();
    return '\0';
  }

  std::vector<Span> Finish() {
    // Trailing space, and spans that held nothing but it.
    while (!spans_.empty()) {
      std::string& text = spans_.back().text;
      while (!text.empty() && text.back() == ' ') text.pop_back();
      if (!text.empty()) break;
      spans_.pop_back();
    }
    return std::move(spans_);
  }

 private:
  std::vector<Span> spans_;
  bool last_was_space_ = false;
};

Status InlineError(std::string_view what, std::string_view text) {
  return Status::Internal(std::string(what) + " in \"" + std::string(text.substr(0, 80)) + "\"");
}

Result<std::vector<Span>> ParseInline(std::string_view text) {
  SpanBuilder builder;
  bool bold = false;
  bool italic = false;
  size_t i = 0;
  while (i < text.size()) {
    std::string_view rest = text.substr(i);
    std::string_view close;
    if (rest.starts_with(kVerbatimOpen)) close = kVerbatimClose;
    if (rest.starts_with(kLiteralOpen)) close = kLiteralClose;
    if (!close.empty()) {
      size_t end = text.find(close, i + 3);
      if (end == std::string_view::npos) return InlineError("unclosed value", text);
      builder.Add(text.substr(i + 3, end - i - 3), bold, italic, close == kVerbatimClose, true);
      i = end + 3;
    } else if (rest.starts_with(kVerbatimClose) || rest.starts_with(kLiteralClose)) {
      return InlineError("stray value delimiter", text);
    } else if (rest.starts_with("**")) {
      bold = !bold;
      i += 2;
    } else if (rest.front() == '_') {
      italic = !italic;
      i += 1;
    } else if (rest.front() == '\\' && rest.size() > 1) {
      builder.Add(rest.substr(1, 1), bold, italic, false);
      i += 2;
    } else {
      builder.Add(rest.substr(0, 1), bold, italic, false);
      i += 1;
    }
  }
  if (bold || italic) return InlineError(bold ? "'**' left open" : "'_' left open", text);
  return builder.Finish();
}

}  // namespace

std::string MarkParagraphs(std::string_view source) {
  std::string out;
  size_t pos = 0;
  while (pos < source.size()) {
    size_t end = source.find('\n', pos);
    bool last = end == std::string_view::npos;
    std::string_view line = source.substr(pos, (last ? source.size() : end) - pos);
    if (IsBlank(line) || line == "\r")
      out += kParagraphMark;
    else
      out += line;
    if (!last) out += '\n';
    pos = last ? source.size() : end + 1;
  }
  return out;
}

bool SectionFromName(std::string_view name, Section* section) {
  for (const SectionInfo& info : kSections) {
    if (info.name == name) {
      *section = info.section;
      return true;
    }
  }
  return false;
}

Result<std::vector<Block>> ParseMarkup(std::string_view markup, Section initial) {
  std::vector<Block> blocks;
  Section section = initial;
  std::string text;  // the raw inline text of the open block
  BlockKind kind = BlockKind::kParagraph;
  bool open = false;

  auto close_block = [&]() -> Status {
    if (!open) return Status::Ok();
    open = false;
    Result<std::vector<Span>> spans = ParseInline(text);
    if (!spans.ok()) return spans.status();
    if (!spans->empty()) blocks.push_back(Block{kind, std::move(spans.value()), section});
    text.clear();
    return Status::Ok();
  };

  size_t pos = 0;
  while (pos <= markup.size()) {
    size_t end = markup.find('\n', pos);
    if (end == std::string_view::npos) end = markup.size();
    std::string_view line = markup.substr(pos, end - pos);
    pos = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);

    Status status;
    std::string_view trimmed = line;
    while (trimmed.starts_with(' ') || trimmed.starts_with('\t')) trimmed.remove_prefix(1);
    while (trimmed.ends_with(' ') || trimmed.ends_with('\t')) trimmed.remove_suffix(1);
    if (IsBlank(line)) {
      continue;
    } else if (trimmed == kParagraphMark) {
      status = close_block();
    } else if (line.starts_with(kDirective)) {
      status = close_block();
      std::string_view name = line.substr(kDirective.size());
      while (name.ends_with(' ')) name.remove_suffix(1);
      if (status.ok() && !SectionFromName(name, &section))
        status = Status::Internal("unknown section '" + std::string(name) + "' in @section");
    } else if (line.starts_with("## ") || line.starts_with("- ")) {
      status = close_block();
      kind = line.starts_with("## ") ? BlockKind::kHeading : BlockKind::kListItem;
      text = line.substr(kind == BlockKind::kHeading ? 3 : 2);
      open = true;
      if (status.ok() && kind == BlockKind::kHeading) status = close_block();
    } else if (open) {
      text += ' ';
      text += line;
    } else {
      kind = BlockKind::kParagraph;
      text = line;
      open = true;
    }
    if (!status.ok()) return status;
  }
  Status status = close_block();
  if (!status.ok()) return status;
  return blocks;
}

std::string PlainText(const std::vector<Span>& spans) {
  std::string text;
  for (const Span& span : spans) text += span.text;
  return text;
}

Result<std::string> ParseLine(std::string_view markup) {
  Result<std::vector<Block>> blocks = ParseMarkup(markup, Section::kThanks);
  if (!blocks.ok()) return blocks.status();
  if (blocks->empty()) return std::string();
  if (blocks->size() > 1) return Status::Internal("a one-line template gave several blocks");
  return PlainText(blocks->front().spans);
}

}  // namespace parting::compose
