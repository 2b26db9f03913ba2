// Redline: word tokens of both bodies, dtl's shortest edit script over them,
// and the current body rebuilt from the script with deleted words put back.
#include "compose/redline.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <dtl/dtl.hpp>
#include <map>
#include <memory>

namespace parting::compose {
namespace {

// One piece of a body between two ICU word boundaries, or the mark that
// separates two blocks (text "\x1E" and the block's kind and part, so that a
// paragraph that stays where it was lines up with itself).
struct Token {
  std::string text;
  size_t block = 0;
  size_t span = 0;    // index into the block's spans; unused for block marks
  bool word = false;  // letters or digits, not space or punctuation
  bool mark = false;
};

icu::BreakIterator& WordBreaker(const std::string& bcp47) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> cache;
  auto& slot = cache[bcp47];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::BreakIterator::createWordInstance(
        icu::Locale::forLanguageTag(bcp47.empty() ? "en" : bcp47, status), status));
    if (U_FAILURE(status) || !slot) {
      status = U_ZERO_ERROR;
      slot.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    }
  }
  return *slot;
}

// Appends the pieces of `text` between word boundaries.
template <typename Emit>
void SplitWords(const std::string& text, const std::string& bcp47, Emit emit) {
  if (text.empty()) return;
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(text);
  icu::BreakIterator& breaker = WordBreaker(bcp47);
  breaker.setText(utf16);
  int32_t start = breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE;
       start = end, end = breaker.next()) {
    std::string piece;
    utf16.tempSubStringBetween(start, end).toUTF8String(piece);
    emit(std::move(piece), breaker.getRuleStatus() != UBRK_WORD_NONE);
  }
}

// Tokens of a body: its words, or (`whole_spans`) each span as one token.
std::vector<Token> Tokens(const std::vector<Block>& body, const std::string& bcp47,
                          bool whole_spans = false) {
  std::vector<Token> tokens;
  for (size_t b = 0; b < body.size(); ++b) {
    const Block& block = body[b];
    Token mark;
    mark.text = "\x1E" + std::to_string(static_cast<int>(block.kind)) + "." +
                std::to_string(static_cast<int>(block.section));
    mark.block = b;
    mark.mark = true;
    tokens.push_back(std::move(mark));
    for (size_t s = 0; s < block.spans.size(); ++s) {
      if (whole_spans) {
        tokens.push_back(Token{block.spans[s].text, b, s, true, false});
        continue;
      }
      SplitWords(block.spans[s].text, bcp47, [&](std::string piece, bool word) {
        tokens.push_back(Token{std::move(piece), b, s, word, false});
      });
    }
  }
  return tokens;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t'; }

// Builds the marked blocks: consecutive pieces of one span with one change
// become one span again, so that a date from the request stays one value.
class Builder {
 public:
  explicit Builder(const std::vector<Block>& after_body) {
    blocks_.reserve(after_body.size());
    for (const Block& block : after_body) blocks_.push_back(Block{block.kind, {}, block.section});
  }

  // A piece of `source` (a span of the earlier or the current draft) into
  // block `block`, marked `change`.
  void Add(size_t block, const Span& source, size_t source_id, const std::string& text,
           Change change) {
    std::vector<Span>& spans = blocks_[block].spans;
    // A deleted and an inserted word that meet need a space between them,
    // or they would read as one word.
    if (!spans.empty() && spans.back().change != change && change != Change::kNone &&
        spans.back().change != Change::kNone && !spans.back().text.empty() && !text.empty() &&
        !IsSpace(spans.back().text.back()) && !IsSpace(text.front())) {
      Span space = spans.back();
      space.text = " ";
      space.change = Change::kNone;
      spans.push_back(std::move(space));
      last_id_ = kNoSpan;
    }
    if (!spans.empty() && last_id_ == source_id && spans.back().change == change) {
      spans.back().text += text;
      return;
    }
    Span span = source;
    span.text = text;
    span.change = change;
    spans.push_back(std::move(span));
    last_id_ = source_id;
  }

  std::vector<Block> Take() { return std::move(blocks_); }

 private:
  static constexpr size_t kNoSpan = static_cast<size_t>(-1);
  std::vector<Block> blocks_;
  size_t last_id_ = kNoSpan;
};

// One step of the edit script, with zero-based token indices.
struct Op {
  dtl::edit_t type = dtl::SES_COMMON;
  size_t before = 0;  // for SES_DELETE and SES_COMMON
  size_t after = 0;   // for SES_ADD and SES_COMMON
};

template <typename Sequence>
std::vector<Op> Ops(const Sequence& ses) {
  std::vector<Op> ops;
  ops.reserve(ses.size());
  for (const auto& [text, info] : ses)
    ops.push_back({info.type, static_cast<size_t>(std::max<long long>(info.beforeIdx - 1, 0)),
                   static_cast<size_t>(std::max<long long>(info.afterIdx - 1, 0))});
  return ops;
}

// Reorders the script as a reader wants it: between two unchanged words, all
// that was deleted first, then all that was inserted ("~~December 22, 2026~~
// January 9, 2027", not word by word alternating), with the spaces and
// punctuation that lie between changes counted as changed too.
std::vector<Op> Grouped(const std::vector<Op>& ops, const std::vector<Token>& b) {
  auto anchor = [&](const Op& op) {
    return op.type == dtl::SES_COMMON && (b[op.after].word || b[op.after].mark);
  };
  std::vector<Op> out;
  out.reserve(ops.size());
  size_t i = 0;
  while (i < ops.size()) {
    if (anchor(ops[i])) {
      out.push_back(ops[i++]);
      continue;
    }
    size_t end = i;
    while (end < ops.size() && !anchor(ops[end])) ++end;
    // [i, end): no unchanged word inside. Unchanged pieces at its edges stay.
    size_t first = i, last = end;
    while (first < last && ops[first].type == dtl::SES_COMMON) ++first;
    while (last > first && ops[last - 1].type == dtl::SES_COMMON) --last;
    for (size_t k = i; k < first; ++k) out.push_back(ops[k]);
    for (size_t k = first; k < last; ++k)
      if (ops[k].type != dtl::SES_ADD) out.push_back({dtl::SES_DELETE, ops[k].before, 0});
    for (size_t k = first; k < last; ++k)
      if (ops[k].type != dtl::SES_DELETE) out.push_back({dtl::SES_ADD, 0, ops[k].after});
    for (size_t k = last; k < end; ++k) out.push_back(ops[k]);
    i = end;
  }
  return out;
}

std::vector<std::string> Texts(const std::vector<Token>& tokens) {
  std::vector<std::string> texts;
  texts.reserve(tokens.size());
  for (const Token& t : tokens) texts.push_back(t.text);
  return texts;
}

// About what a word-by-word edit script costs: all word tokens times those
// in the spans that a span-by-span script (cheap: a letter has hundreds of
// spans, not thousands) finds changed.
double WordDiffCost(const std::vector<Token>& a_words, const std::vector<Token>& b_words,
                    const std::vector<Block>& before_body, const std::vector<Block>& after_body,
                    const std::string& bcp47) {
  const std::vector<Token> a = Tokens(before_body, bcp47, true);
  const std::vector<Token> b = Tokens(after_body, bcp47, true);
  std::map<std::pair<size_t, size_t>, size_t> a_count, b_count;  // words per (block, span)
  for (const Token& t : a_words) ++a_count[{t.block, t.span}];
  for (const Token& t : b_words) ++b_count[{t.block, t.span}];
  dtl::Diff<std::string, std::vector<std::string>> spans(Texts(a), Texts(b));
  spans.compose();
  double changed = 0;
  for (const auto& [text, info] : spans.getSes().getSequence()) {
    if (info.type == dtl::SES_DELETE && !a[info.beforeIdx - 1].mark)
      changed += a_count[{a[info.beforeIdx - 1].block, a[info.beforeIdx - 1].span}];
    if (info.type == dtl::SES_ADD && !b[info.afterIdx - 1].mark)
      changed += b_count[{b[info.afterIdx - 1].block, b[info.afterIdx - 1].span}];
  }
  return changed * static_cast<double>(a_words.size() + b_words.size());
}

// The blocks of `after_body` marked against `before_body`.
std::vector<Block> MarkBlocks(const std::vector<Block>& before_body,
                              const std::vector<Block>& after_body, const std::string& bcp47) {
  std::vector<Token> a = Tokens(before_body, bcp47);
  std::vector<Token> b = Tokens(after_body, bcp47);
  // The edit script costs time in the number of tokens times the number of
  // differences: when a span-by-span comparison shows that many words
  // differ in long bodies (hundreds of rewritten documented situations), the
  // spans are compared as wholes instead, which marks whole spans.
  if (WordDiffCost(a, b, before_body, after_body, bcp47) > kMaxWordDiffCost) {
    a = Tokens(before_body, bcp47, true);
    b = Tokens(after_body, bcp47, true);
  }
  const std::vector<std::string> a_text = Texts(a), b_text = Texts(b);
  dtl::Diff<std::string, std::vector<std::string>> diff(a_text, b_text);
  diff.compose();

  Builder builder(after_body);
  // Ids that tell the spans of both drafts apart: (draft, block, span).
  auto id = [](bool earlier, const Token& t) {
    return ((t.block * 100000 + t.span) << 1) | (earlier ? 1u : 0u);
  };
  // Deleted pieces wait until the block they go into is known: the block of
  // the current piece before them, or else of the one after them.
  std::vector<const Token*> pending;
  size_t block = 0;
  bool any_after = false;
  auto flush = [&] {
    for (const Token* t : pending)
      builder.Add(block, before_body[t->block].spans[t->span], id(true, *t), t->text,
                  Change::kDeleted);
    pending.clear();
  };
  for (const Op& op : Grouped(Ops(diff.getSes().getSequence()), b)) {
    if (op.type == dtl::SES_DELETE) {
      const Token& t = a[op.before];
      if (!t.mark) pending.push_back(&t);
      continue;
    }
    const Token& t = b[op.after];
    if (t.mark) {
      // Deleted words at the end of a block stay in the block they ended.
      if (any_after) flush();
      block = t.block;
      continue;
    }
    block = t.block;
    any_after = true;
    flush();
    builder.Add(block, after_body[t.block].spans[t.span], id(false, t), t.text,
                op.type == dtl::SES_ADD ? Change::kInserted : Change::kNone);
  }
  if (!after_body.empty()) flush();
  return builder.Take();
}

bool Marked(const std::vector<Span>& spans) {
  return std::any_of(spans.begin(), spans.end(),
                     [](const Span& span) { return span.change != Change::kNone; });
}

// A one-line part of the letter (subject, salutation) marked, or nothing
// when it did not change.
std::vector<Span> MarkLine(const std::string& before, const std::string& after,
                           const std::string& bcp47) {
  if (before == after) return {};
  const std::vector<Block> marked = MarkBlocks({Block{BlockKind::kHeading, {Span{before}}}},
                                               {Block{BlockKind::kHeading, {Span{after}}}}, bcp47);
  if (marked.empty() || !Marked(marked.front().spans)) return {};
  return marked.front().spans;
}

// Lines of values (an address, the signer's block) marked line by line
// against the earlier draft's: a line each, as after's; a word of a line
// that went away is struck through in the line before it (or after it).
// Nothing when they did not change.
std::vector<std::vector<Span>> MarkLines(const std::vector<std::string>& before,
                                         const std::vector<std::string>& after,
                                         const std::string& bcp47) {
  if (before == after || after.empty()) return {};
  auto blocks = [](const std::vector<std::string>& lines) {
    std::vector<Block> out;
    for (const std::string& line : lines) {
      Span value{line};
      value.verbatim = value.from_request = true;
      out.push_back(Block{BlockKind::kParagraph, {value}});
    }
    return out;
  };
  const std::vector<Block> marked = MarkBlocks(blocks(before), blocks(after), bcp47);
  if (marked.size() != after.size()) return {};
  std::vector<std::vector<Span>> out;
  bool any = false;
  for (const Block& block : marked) {
    any |= Marked(block.spans);
    out.push_back(block.spans);
  }
  if (!any) return {};
  return out;
}

}  // namespace

Document Redline(const Document& before, const Document& after) {
  Document out = after;
  out.body = MarkBlocks(before.body, after.body, after.bcp47);
  out.subject_marks = MarkLine(before.subject, after.subject, after.bcp47);
  out.salutation_marks = MarkLine(before.salutation, after.salutation, after.bcp47);
  Document::LineMarks& marks = out.line_marks;
  marks.recipient = MarkLines(before.recipient_lines, after.recipient_lines, after.bcp47);
  marks.references = MarkLines(before.reference_lines, after.reference_lines, after.bcp47);
  marks.date = MarkLines({before.date_line}, {after.date_line}, after.bcp47);
  marks.signature = MarkLines(before.signature_lines, after.signature_lines, after.bcp47);
  return out;
}

RedlineCounts CountChanges(const Document& document) {
  std::vector<Block> all = document.body;
  all.push_back(Block{BlockKind::kHeading, document.subject_marks});
  all.push_back(Block{BlockKind::kParagraph, document.salutation_marks});
  const Document::LineMarks& marks = document.line_marks;
  for (const auto* part : {&marks.recipient, &marks.references, &marks.date, &marks.signature})
    for (const std::vector<Span>& line : *part) all.push_back(Block{BlockKind::kParagraph, line});
  return CountChanges(all, document.bcp47);
}

RedlineCounts CountChanges(const std::vector<Block>& body, const std::string& bcp47) {
  RedlineCounts counts;
  for (const Block& block : body)
    for (const Span& span : block.spans) {
      if (span.change == Change::kNone) continue;
      SplitWords(span.text, bcp47, [&](const std::string&, bool word) {
        if (!word) return;
        (span.change == Change::kInserted ? counts.inserted : counts.deleted)++;
      });
    }
  return counts;
}

}  // namespace parting::compose
