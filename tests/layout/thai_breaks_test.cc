// Thai line breaking against libthai: every Thai letter part the templates
// can produce, set at several measures, may end a line inside a Thai run only
// where libthai (the breaker of Pango, GTK and LibreOffice) allows a break on
// the paragraph's joined text, and never inside a value from the request
// unless that value alone is wider than the line.
#include <doctest/doctest.h>
#include <thai/thbrk.h>
#include <thai/thwchar.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "layout/fonts.h"
#include "layout/page_model.h"
#include "layout/paragraph.h"
#include "layout/thai_break.h"
#include "letter_fixture.h"
#include "parting/plan.h"
#include "test_support.h"

using namespace parting;

namespace {

bool IsThai(char32_t c) { return c >= 0x0E01 && c <= 0x0E5B; }

std::string Joined(const std::vector<compose::Span>& spans) {
  std::string text;
  for (const auto& span : spans) text += span.text;
  return text;
}

// Byte offsets at which libthai allows a break, found on the whole joined
// text (TIS-620; characters outside it become spaces, which libthai treats
// as breaks of their own and so do not join or split Thai words).
std::set<size_t> LibthaiBreaks(const std::string& text) {
  std::vector<thchar_t> tis;
  std::vector<size_t> byte_of;  // byte offset of each TIS-620 character
  for (size_t pos = 0; pos < text.size();) {
    byte_of.push_back(pos);
    const auto c = DecodeUtf8(text, pos);
    REQUIRE(c.has_value());
    const thchar_t t = th_uni2tis(static_cast<thwchar_t>(*c));
    tis.push_back(t == THCHAR_ERR || t == 0 ? ' ' : t);
  }
  byte_of.push_back(text.size());
  tis.push_back(0);
  static ThBrk* const brk = th_brk_new(nullptr);
  REQUIRE(brk != nullptr);
  std::vector<int> pos(tis.size());
  const int n = th_brk_find_breaks(brk, tis.data(), pos.data(), pos.size());
  std::set<size_t> breaks;
  for (int i = 0; i < n; ++i) breaks.insert(byte_of[pos[i]]);
  return breaks;
}

double NaturalWidth(const std::vector<layout::Word>& words) {
  double width = 0;
  for (size_t i = 0; i < words.size(); ++i)
    width += words[i].width + (i + 1 < words.size() ? words[i].space : 0);
  return width;
}

struct Paragraph {
  std::string where;
  std::vector<compose::Span> spans;
  layout::FontStyle base = layout::FontStyle::kRegular;
};

// Sets `paragraph` at `measure` and checks every line end. Returns the
// number of line ends checked.
int CheckBreaks(const Paragraph& paragraph, const layout::FontSet& fonts, double measure) {
  layout::TextStyle style{10.5, paragraph.base, "th-TH"};
  const std::vector<layout::Word> words = layout::CollectWords(paragraph.spans, fonts, style);
  const std::vector<size_t> ends = layout::BreakLines(words, measure, false);
  const std::string text = Joined(paragraph.spans);
  const std::set<size_t> allowed = LibthaiBreaks(text);
  // Offsets of each word's end in the joined text.
  std::vector<size_t> word_end;
  size_t at = 0;
  for (const auto& word : words) {
    for (const auto& fragment : word.fragments) at += fragment.text.size();
    at += word.space_text.size();
    word_end.push_back(at);
  }
  REQUIRE_MESSAGE(at == text.size(), paragraph.where << ": words do not cover the text");
  int checked = 0;
  for (size_t k = 0; k + 1 < ends.size(); ++k) {
    const size_t end = word_end[ends[k] - 1];
    size_t before = end;
    while (before > 0 && (static_cast<unsigned char>(text[before - 1]) & 0xC0) == 0x80) --before;
    if (before > 0) --before;
    while (before > 0 && (static_cast<unsigned char>(text[before]) & 0xC0) == 0x80) --before;
    size_t p = before;
    const char32_t left = DecodeUtf8(text, p).value_or(0);
    p = end;
    const char32_t right = DecodeUtf8(text, p).value_or(0);
    if (IsThai(left) && IsThai(right)) {
      ++checked;
      CHECK_MESSAGE(allowed.count(end), paragraph.where << " at " << measure / layout::kMm
                                                        << " mm: a line ends inside a Thai word: \""
                                                        << text.substr(0, end) << "|"
                                                        << text.substr(end, 30) << "\"");
    }
    // A value from the request is broken only when it alone is wider.
    size_t span_start = 0;
    for (const auto& span : paragraph.spans) {
      size_t span_stop = span_start + span.text.size();
      while (span_stop > span_start && text[span_stop - 1] == ' ') --span_stop;
      if (span.verbatim && span_start < end && end < span_stop) {
        const auto value = layout::CollectWords(
            {compose::Span{span.text, span.bold, span.italic, true, true}}, fonts, style);
        CHECK_MESSAGE(NaturalWidth(value) > measure,
                      paragraph.where << " at " << measure / layout::kMm << " mm: the value \""
                                      << span.text << "\" is broken though it fits the line");
      }
      span_start += span.text.size();
    }
  }
  return checked;
}

// The Thai sample with `edit` applied to its JSON, composed.
compose::Document ComposeThai(const std::vector<std::pair<std::string, std::string>>& edits) {
  std::string json = testing::SampleJson("th");
  for (const auto& [from, to] : edits) {
    const size_t at = json.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "sample has no " << from);
    json.replace(at, from.size(), to);
  }
  return testing::ComposeJson(json);
}

std::vector<Paragraph> Paragraphs(const compose::Document& d, const std::string& name) {
  std::vector<Paragraph> out;
  auto plain = [&](const std::string& where, const std::string& text, layout::FontStyle base) {
    out.push_back({name + " " + where, {compose::Span{text, false, false, true, true}}, base});
  };
  plain("letterhead", d.sender_organization, layout::FontStyle::kBold);
  for (const auto& line : d.sender_lines) plain("sender line", line, layout::FontStyle::kRegular);
  plain("return address", d.return_address, layout::FontStyle::kRegular);
  for (const auto& line : d.recipient_lines) plain("address", line, layout::FontStyle::kRegular);
  for (const auto& line : d.reference_lines) plain("reference", line, layout::FontStyle::kRegular);
  out.push_back({name + " subject", {compose::Span{d.subject, true}}, layout::FontStyle::kBold});
  out.push_back({name + " salutation", {compose::Span{d.salutation}}, layout::FontStyle::kRegular});
  for (size_t b = 0; b < d.body.size(); ++b)
    out.push_back({name + " block " + std::to_string(b), d.body[b].spans,
                   d.body[b].kind == compose::BlockKind::kHeading ? layout::FontStyle::kBold
                                                                  : layout::FontStyle::kRegular});
  out.push_back({name + " closing", {compose::Span{d.closing}}, layout::FontStyle::kRegular});
  for (const auto& line : d.signature_lines) plain("signature", line, layout::FontStyle::kRegular);
  return out;
}

}  // namespace

TEST_CASE("Thai: every line end of every Thai letter part is a break libthai allows") {
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  REQUIRE(fonts.ok());
  const std::string reasons = R"("reasons": ["unreasonable_demands", "payment_problems"])";
  std::vector<std::pair<std::string, compose::Document>> letters;
  letters.emplace_back("sample", ComposeThai({}));
  letters.emplace_back(
      "for cause",
      ComposeThai({{"\"for_cause\": false", "\"for_cause\": true"},
                   {"\"immediate_for_cause\": false", "\"immediate_for_cause\": true"}}));
  letters.emplace_back(
      "end of a fixed term",
      ComposeThai({{"\"immediate_for_cause\": false,",
                    "\"immediate_for_cause\": false, \"term_end\": \"2027-06-30\", "
                    "\"early_termination_allowed\": false,"}}));
  letters.emplace_back(
      "requested end date",
      ComposeThai({{"\"requested_end_date\": null", "\"requested_end_date\": \"2027-06-30\""}}));
  letters.emplace_back("no title, no reference",
                       ComposeThai({{"\"title\": \"สัญญาจ้างบริการการตลาดดิจิทัล\",", ""},
                                    {"\"reference\": \"FS-2566-014\",", ""}}));
  for (const std::string& id : ReasonIds())
    letters.emplace_back(id, ComposeThai({{reasons, R"("reasons": [")" + id + "\"]"}}));
  int checked = 0;
  for (const auto& [name, document] : letters) {
    for (const Paragraph& paragraph : Paragraphs(document, name))
      for (double mm : {35.0, 50.0, 65.0, 80.0, 110.0, 165.0})
        checked += CheckBreaks(paragraph, **fonts, mm * layout::kMm);
  }
  // Most line ends fall between Thai words without a space: the test must
  // actually look at them.
  CHECK(checked > 500);
}

TEST_CASE("Thai: compounds a Thai reader keeps whole are never split") {
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  REQUIRE(fonts.ok());
  // The words of the issue, run together as Thai writes them: a line may
  // end between two of them (ความ is a prefix a line may end after), never
  // inside one. ICU split ล่วง|หน้า, ร่วม|มือ, ที่|ปรึกษา and, before ฯ,
  // ขอ|งบ|ริ|ษัทฯ; libthai and ICU both split ตอบ|สนอง.
  const std::vector<std::string> compounds = {"ของ",    "ล่วงหน้า", "ความ",  "ร่วมมือ", "ตอบสนอง",
                                              "ที่ปรึกษา", "ของ",    "องค์กร", "ของ",   "บริษัทฯ"};
  std::string text;
  for (const auto& word : compounds) text += word;
  layout::TextStyle style{10.5, layout::FontStyle::kRegular, "th-TH"};
  const auto words = layout::CollectWords({compose::Span{text}}, **fonts, style);
  std::set<size_t> ends;
  size_t at = 0;
  for (const auto& word : words) {
    for (const auto& fragment : word.fragments) at += fragment.text.size();
    ends.insert(at);
  }
  size_t boundary = 0;
  std::set<size_t> boundaries;
  for (const auto& word : compounds) boundaries.insert(boundary += word.size());
  for (size_t end : ends)
    CHECK_MESSAGE(boundaries.count(end) > 0, "a break inside a word: \"" << text.substr(0, end)
                                                                         << "|" << text.substr(end)
                                                                         << "\"");
  CHECK(ends.size() == compounds.size());
}

TEST_CASE("Thai: no line starts with mai yamok or paiyannoi") {
  auto fonts = layout::FontSet::Load(testing::SourceDir() / "fonts");
  REQUIRE(fonts.ok());
  // ๆ repeats the word before it and ฯ abbreviates it: both stay with it,
  // even after a space (ต่าง ๆ).
  const std::string text = "อ้างอิงเหตุการณ์ต่าง ๆ ที่ได้บันทึกไว้ และบริษัทฯ ได้แจ้งแก่ท่านแล้ว";
  layout::TextStyle style{10.5, layout::FontStyle::kRegular, "th-TH"};
  const auto words = layout::CollectWords({compose::Span{text}}, **fonts, style);
  REQUIRE(words.size() > 5);
  for (const auto& word : words) {
    REQUIRE(!word.fragments.empty());
    const std::string& first = word.fragments.front().text;
    CHECK_FALSE(first.starts_with("ๆ"));
    CHECK_FALSE(first.starts_with("ฯ"));
  }
}

namespace parting::layout {
namespace {

TEST_CASE("start-up refuses a missing Thai dictionary, naming where it looked") {
  const char* before = std::getenv("LIBTHAI_DICTDIR");
  const std::string kept = before ? before : "";
  const std::filesystem::path empty =
      std::filesystem::temp_directory_path() / ("parting_no_thai_" + std::to_string(::getpid()));
  std::filesystem::create_directories(empty);
  ::setenv("LIBTHAI_DICTDIR", empty.c_str(), 1);
  const Status missing = CheckThaiBreaker();
  CHECK(missing.code() == StatusCode::kNotFound);
  CHECK(missing.message().find((empty / "thbrk.tri").string()) != std::string::npos);
  CHECK(missing.message().find("libthai-data") != std::string::npos);
  ::unsetenv("LIBTHAI_DICTDIR");
  CHECK(CheckThaiBreaker().ok());  // Debian's libthai-data
  if (before) ::setenv("LIBTHAI_DICTDIR", kept.c_str(), 1);
  std::filesystem::remove_all(empty);
}

}  // namespace
}  // namespace parting::layout
