#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>

#include "core/utf8.h"
#include "layout/hyphen_cache.h"
#include "layout/paragraph.h"
#include "layout/thai_break.h"
#include "layout/utf16_offsets.h"

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

// The code point at byte `pos`, and past it. Text is checked UTF-8 (requests
// are validated, templates too); a stray byte would count as U+FFFD.
char32_t NextCodePoint(std::string_view text, size_t& pos) {
  if (const auto c = DecodeUtf8(text, pos)) return *c;
  ++pos;
  return 0xFFFD;
}

char32_t CodePointAt(std::string_view text, size_t pos) { return NextCodePoint(text, pos); }

size_t Utf8Length(std::string_view text, size_t pos) {
  const size_t start = pos;
  NextCodePoint(text, pos);
  return pos - start;
}

FontStyle StyleOf(const compose::Span& span, FontStyle base) {
  if (span.bold) return FontStyle::kBold;
  if (span.italic) return FontStyle::kItalic;
  return base;
}


size_t SpanAt(const std::vector<size_t>& span_end, size_t pos) {
  size_t span = 0;
  while (span + 1 < span_end.size() && span_end[span] <= pos) ++span;
  return span;
}

// Shapes bytes [begin, end) of `text` into one word: one fragment per run of
// one span and one font.
Word ShapeWord(const std::string& text, size_t begin, size_t end,
               const std::vector<compose::Span>& spans, const std::vector<size_t>& span_end,
               const FontSet& fonts, const TextStyle& style) {
  Word word;
  size_t pos = begin;
  while (pos < end) {
    const size_t span = SpanAt(span_end, pos);
    const size_t span_stop = std::min(end, span_end[span]);
    const FontStyle span_style = StyleOf(spans[span], style.base);
    const int font = fonts.Pick(span_style, CodePointAt(text, pos));
    size_t piece_end = pos;
    while (piece_end < span_stop && fonts.Pick(span_style, CodePointAt(text, piece_end)) == font)
      piece_end += Utf8Length(text, piece_end);
    Fragment fragment;
    fragment.font = font;
    fragment.text = text.substr(pos, piece_end - pos);
    fragment.shaped = Shape(fonts.face(font), style.size, fragment.text, style.language);
    fragment.change = spans[span].change;
    word.width += fragment.shaped.width;
    word.fragments.push_back(std::move(fragment));
    pos = piece_end;
  }
  return word;
}

bool IsWordPunctuation(uint32_t c) {
  switch (c) {
    case '.': case ',': case ';': case ':': case '!': case '?': case '(': case ')':
    case '[': case ']': case '"': case '\'': case 0x201E: case 0x201C: case 0x201D:
    case 0x201A: case 0x2018: case 0x2019: case 0x00AB: case 0x00BB: case 0x2026:
      return true;
    default:
      return false;
  }
}

// Hyphenation points of the word in bytes [begin, end), as offsets into
// `text`. Only template text is hyphenated: a word that touches text from the
// request is left whole. Punctuation around the word is not part of it.
std::vector<HyphenPoint> HyphenPoints(const std::string& text, size_t begin, size_t end,
                                      const std::vector<compose::Span>& spans,
                                      const std::vector<size_t>& span_end,
                                      const TextStyle& style) {
  if (!style.hyphenator || begin >= end) return {};
  for (size_t span = SpanAt(span_end, begin); span < spans.size(); ++span) {
    if (spans[span].from_request) return {};
    if (span_end[span] >= end) break;
  }
  while (begin < end && IsWordPunctuation(CodePointAt(text, begin)))
    begin += Utf8Length(text, begin);
  size_t core_end = end;
  while (core_end > begin) {
    size_t last = core_end - 1;
    while (last > begin && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
    if (!IsWordPunctuation(CodePointAt(text, last))) break;
    core_end = last;
  }
  if (core_end <= begin) return {};
  auto points = CachedHyphenPoints(*style.hyphenator, style.hyphenation_language,
                                   std::string_view(text).substr(begin, core_end - begin));
  for (auto& point : points) point.offset += begin;
  return points;
}

struct Opportunity {
  size_t at = 0;     // byte offset
  bool hard = false;  // a mandatory break
  double penalty = 0;
};

// Inside a run of Thai letters the opportunities are libthai's, not ICU's
// (see thai_break.h); ICU's stay at the run's edges and everywhere else. No
// line starts with ๆ (mai yamok) or ฯ (paiyannoi), which belong to the word
// before them even after a space.
std::vector<Opportunity> WithThaiBreaks(const std::string& text,
                                        const std::vector<Opportunity>& breaks) {
  const std::vector<ThaiRun> runs = ThaiRuns(text);
  if (runs.empty()) return breaks;
  std::vector<Opportunity> out;
  size_t r = 0;
  for (const Opportunity& opportunity : breaks) {
    while (r < runs.size() && runs[r].end <= opportunity.at) ++r;
    if (r < runs.size() && runs[r].begin < opportunity.at) continue;  // inside a run
    out.push_back(opportunity);
  }
  for (const ThaiRun& run : runs)
    for (size_t at : ThaiBreaks(text, run)) out.push_back({at, false, 0});
  std::sort(out.begin(), out.end(),
            [](const Opportunity& a, const Opportunity& b) { return a.at < b.at; });
  std::erase_if(out, [&](const Opportunity& opportunity) {
    if (opportunity.hard || opportunity.at >= text.size()) return false;
    const char32_t next = CodePointAt(text, opportunity.at);
    return next == 0x0E46 || next == 0x0E2F;
  });
  return out;
}

// Discourages break opportunities that good typesetting avoids: inside a
// short value from the request (a date, an amount, a reference: "28 lutego
// 2027" on one line; in Thai, whose names and titles have no spaces to break
// at, every value however long, unless it alone is wider than the line), and
// in Polish after a one-letter word (w, z, i, o, a,
// u), which should not end a line.
std::vector<Opportunity> KeepTogether(const std::string& text,
                                      const std::vector<compose::Span>& spans,
                                      const std::vector<size_t>& span_end,
                                      const std::vector<Opportunity>& breaks,
                                      const TextStyle& style) {
  constexpr size_t kShortValue = 24;  // code points
  const bool polish = std::string_view(style.language).starts_with("pl");
  const bool thai = std::string_view(style.language).starts_with("th");
  std::vector<Opportunity> kept;
  size_t word_start = 0;
  for (Opportunity opportunity : breaks) {
    const size_t at = opportunity.at;
    if (!opportunity.hard && at < text.size()) {
      const size_t span = SpanAt(span_end, at - 1);
      const size_t span_start = span == 0 ? 0 : span_end[span - 1];
      if (spans[span].verbatim && span_start < at && at < span_end[span]) {
        if (thai)
          opportunity.penalty = kValueBreak;
        else if (CountCodePoints(spans[span].text) <= kShortValue)
          opportunity.penalty = kDiscouragedBreak;
      }
      if (polish) {
        std::string word = text.substr(word_start, at - word_start);
        while (!word.empty() && word.back() == ' ') word.pop_back();
        if (word.size() == 1 && std::string_view("wzioauWZIOAU").find(word[0]) !=
                                    std::string_view::npos)
          opportunity.penalty = kDiscouragedBreak;
      }
    }
    kept.push_back(opportunity);
    word_start = at;
  }
  return kept;
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
  const std::vector<size_t> byte_at = Utf8OffsetsOf(utf16);
  icu::BreakIterator& breaker = LineBreaker(style.language);
  breaker.setText(utf16);
  std::vector<Opportunity> breaks;
  for (int32_t b = breaker.next(); b != icu::BreakIterator::DONE; b = breaker.next()) {
    const bool hard = breaker.getRuleStatus() >= UBRK_LINE_HARD;
    breaks.push_back({static_cast<size_t>(byte_at[b]), hard, 0});
  }

  breaks = KeepTogether(text, spans, span_end, WithThaiBreaks(text, breaks), style);
  size_t start = 0;
  for (const Opportunity& opportunity : breaks) {
    const size_t end = opportunity.at;
    const bool hard = opportunity.hard;
    size_t content_end = end;
    while (content_end > start && IsSpaceByte(text, content_end - 1)) --content_end;
    // Parts: the whole word, or its pieces between hyphenation points.
    std::vector<HyphenPoint> points = HyphenPoints(text, start, content_end, spans, span_end,
                                                   style);
    size_t part_start = start;
    for (size_t p = 0; p <= points.size(); ++p) {
      const size_t part_end = p < points.size() ? points[p].offset : content_end;
      Word word = ShapeWord(text, part_start, part_end, spans, span_end, fonts, style);
      if (p < points.size()) {
        word.hyphen = true;
        if (!points[p].explicit_hyphen) {
          word.hyphen_font = word.fragments.empty() ? 0 : word.fragments.back().font;
          word.hyphen_shaped = Shape(fonts.face(word.hyphen_font), style.size, "-", style.language);
          word.hyphen_width = word.hyphen_shaped.width;
        }
        words.push_back(std::move(word));
        part_start = part_end;
        continue;
      }
      word.forced_break = hard && end != text.size();
      word.penalty = opportunity.penalty;
      if (content_end < end) {
        word.space_text = text.substr(content_end, end - content_end);
        const FontStyle space_style = StyleOf(spans[SpanAt(span_end, content_end)], style.base);
        int space_font = static_cast<int>(space_style);
        // After Thai, the space is the Thai font's own (same width): the
        // line stays one run of glyphs in the PDF instead of switching fonts
        // at every phrase.
        const int thai_font = fonts.Pick(space_style, 0x0E01);
        if (!word.fragments.empty() && word.fragments.back().font == thai_font &&
            fonts.face(thai_font).Covers(' '))
          space_font = thai_font;
        word.space_font = space_font;
        word.space_change = spans[SpanAt(span_end, content_end)].change;
        word.space_shaped =
            Shape(fonts.face(space_font), style.size, word.space_text, style.language);
        word.space = word.space_shaped.width;
      }
      if (!word.fragments.empty() || word.space > 0) words.push_back(std::move(word));
    }
    start = end;
  }
  return words;
}

std::vector<Line> FinalizeParagraph(const std::vector<Word>& words,
                                     const std::vector<size_t>& ends, double measure,
                                     bool justify) {
  std::vector<Line> lines = FinalizeLines(words, ends, measure, justify);
  if (!justify) return lines;
  std::vector<Line> ragged;
  for (size_t e = 0; e + 1 < lines.size(); ++e) {
    if (words[ends[e] - 1].forced_break || lines[e].width >= measure - 0.01) continue;
    if (ragged.empty()) ragged = FinalizeLines(words, ends, measure, false);
    lines[e] = std::move(ragged[e]);
  }
  return lines;
}

}  // namespace parting::layout
