#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>

#include "layout/paragraph.h"

namespace parting::layout {
namespace {

// A line-break iterator per thread and language: ICU break iterators are not
// thread-safe, and creating one costs more than breaking a paragraph.
icu::BreakIterator& LineBreaker(const std::string& language) {
  thread_local std::map<std::string, std::unique_ptr<icu::BreakIterator>> cache;
  auto& slot = cache[language];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::BreakIterator::createLineInstance(
        icu::Locale::forLanguageTag(language, status), status));
    if (U_FAILURE(status) || !slot) {
      status = U_ZERO_ERROR;
      slot.reset(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    }
  }
  return *slot;
}

bool IsSpaceByte(const std::string& text, size_t i) { return text[i] == ' '; }

FontStyle StyleOf(const compose::Span& span, FontStyle base) {
  if (span.bold) return FontStyle::kBold;
  if (span.italic) return FontStyle::kItalic;
  return base;
}

}  // namespace

std::vector<Word> CollectWords(const std::vector<compose::Span>& spans, const FontSet& fonts,
                               const TextStyle& style) {
  std::string text;
  std::vector<size_t> span_end;  // byte offset where each span ends
  for (const auto& span : spans) {
    text += span.text;
    span_end.push_back(text.size());
  }
  std::vector<Word> words;
  if (text.empty()) return words;

  // Break opportunities as byte offsets.
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(text);
  std::vector<int32_t> byte_at(utf16.length() + 1, 0);
  {
    int32_t byte = 0;
    for (int32_t i = 0; i < utf16.length();) {
      const UChar32 c = utf16.char32At(i);
      const int32_t units = U16_LENGTH(c);
      byte_at[i] = byte;
      if (units == 2) byte_at[i + 1] = byte;
      byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      i += units;
    }
    byte_at[utf16.length()] = byte;
  }
  icu::BreakIterator& breaker = LineBreaker(style.language);
  breaker.setText(utf16);
  std::vector<std::pair<size_t, bool>> breaks;  // (byte offset, mandatory)
  for (int32_t b = breaker.next(); b != icu::BreakIterator::DONE; b = breaker.next()) {
    const bool hard = breaker.getRuleStatus() >= UBRK_LINE_HARD;
    breaks.emplace_back(static_cast<size_t>(byte_at[b]), hard);
  }

  size_t start = 0;
  size_t span = 0;
  for (const auto& [end, hard] : breaks) {
    size_t content_end = end;
    while (content_end > start && IsSpaceByte(text, content_end - 1)) --content_end;
    Word word;
    word.forced_break = hard && end != text.size();
    // Fragments: the word's bytes split at span boundaries.
    size_t pos = start;
    while (pos < content_end) {
      while (span_end[span] <= pos) ++span;
      const size_t piece_end = std::min(content_end, span_end[span]);
      Fragment fragment;
      fragment.style = StyleOf(spans[span], style.base);
      fragment.text = text.substr(pos, piece_end - pos);
      fragment.shaped =
          Shape(fonts.face(fragment.style), style.size, fragment.text, style.language);
      word.width += fragment.shaped.width;
      word.fragments.push_back(std::move(fragment));
      pos = piece_end;
    }
    if (content_end < end) {
      word.space_text = text.substr(content_end, end - content_end);
      while (span_end[span] <= content_end) ++span;
      const FontStyle space_style = StyleOf(spans[span], style.base);
      word.space =
          Shape(fonts.face(space_style), style.size, word.space_text, style.language).width;
    }
    if (!word.fragments.empty() || word.space > 0) words.push_back(std::move(word));
    start = end;
  }
  return words;
}

std::vector<Line> SetParagraph(const std::vector<compose::Span>& spans, const FontSet& fonts,
                               const TextStyle& style, double measure, bool justify) {
  const std::vector<Word> words = CollectWords(spans, fonts, style);
  return FinalizeLines(words, BreakLines(words, measure, justify), measure, justify);
}

}  // namespace parting::layout
