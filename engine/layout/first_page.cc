#include "layout/first_page.h"

#include <algorithm>
#include <optional>

namespace parting::layout {
namespace {

// How far ink reaches above and below a baseline, as a share of the type
// size: Thai marks stacked above a tall letter reach nearly the full em.
constexpr double kAscent = 0.95;
constexpr double kDescent = 0.3;
constexpr float kMutedGray = 0.35f;

// What does not fit: the request field to shorten, and why.
using Misfit = std::optional<FieldError>;

Misfit Refuse(std::string pointer, std::string message) {
  return FieldError{std::move(pointer), std::move(message)};
}

// A value from the request as the one span it is set from.
std::vector<compose::Span> Value(const std::string& text) {
  compose::Span value{text};
  value.verbatim = true;
  return {value};
}

std::vector<Line> SetText(const SetSpans& set, const std::string& text, FontStyle style,
                          double size, double measure) {
  return set(Value(text), style, size, measure);
}

// Lines as spans: a redline's marked lines, or else each text as one value.
using SpanLines = std::vector<std::vector<compose::Span>>;
SpanLines ValueLines(const std::vector<std::string>& texts) {
  SpanLines out;
  for (const std::string& text : texts) out.push_back(Value(text));
  return out;
}

std::vector<Line> SetSpanLines(const SpanLines& spans, FontStyle style, double size, double measure,
                               const SetSpans& set) {
  std::vector<Line> lines;
  for (const auto& line_spans : spans)
    for (Line& line : set(line_spans, style, size, measure)) lines.push_back(std::move(line));
  return lines;
}

// The marked lines first, when there are any, then the plain ones.
std::vector<SpanLines> Versions(const SpanLines& marked, const std::vector<std::string>& texts) {
  std::vector<SpanLines> out;
  if (!marked.empty()) out.push_back(marked);
  out.push_back(ValueLines(texts));
  return out;
}

// The letterhead's address and contacts, "  ·  " between them, as lines no
// wider than `measure`: an item goes to the next line whole, so that no
// separator ends or starts a line, unless that costs lines (items longer
// than a line), in which case the text flows.
std::vector<Line> SetDetails(const std::vector<std::string>& items, double size, double measure,
                             const SetSpans& set) {
  constexpr std::string_view kSeparator = "  ·  ";
  auto width = [&](const std::string& text) {
    const auto lines = SetText(set, text, FontStyle::kRegular, size, 1e6);
    return lines.empty() ? 0.0 : lines.front().width;
  };
  std::vector<std::string> texts;
  for (const std::string& item : items) {
    if (!texts.empty()) {
      const std::string joined = texts.back() + std::string(kSeparator) + item;
      if (width(joined) <= measure) {
        texts.back() = joined;
        continue;
      }
    }
    texts.push_back(item);
  }
  std::vector<Line> packed =
      SetSpanLines(ValueLines(texts), FontStyle::kRegular, size, measure, set);
  // Items too long to move whole would cost lines: then the text flows.
  std::string flowing;
  for (const std::string& item : items)
    flowing += (flowing.empty() ? "" : std::string(kSeparator)) + item;
  std::vector<Line> flowed = SetText(set, flowing, FontStyle::kRegular, size, measure);
  return packed.size() <= flowed.size() ? packed : flowed;
}

// The request field behind the longest of the letterhead's detail lines,
// which is the one to shorten: the e-mail address has an '@', a phone number
// is digits and separators, anything else is a line of the address.
std::string LongestDetailPointer(const compose::Document& doc) {
  const std::string* longest = nullptr;
  for (const std::string& line : doc.sender_lines)
    if (!longest || line.size() > longest->size()) longest = &line;
  if (!longest) return "/sender/address";
  if (longest->find('@') != std::string::npos) return "/sender/email";
  if (longest->find_first_not_of("+0123456789 ()-./") == std::string::npos) return "/sender/phone";
  return "/sender/address";
}

// The sender's name large, its address and contacts small below, then a
// hairline across the text width. Keeps the model's baseline when it fits;
// else moves up to the top of its box, then steps both sizes down.
Misfit SetLetterhead(const compose::Document& doc, const PageModel& model, const SetSpans& set,
                     FirstPage& page) {
  struct Sizes {
    double name;
    double details;
  };
  constexpr Sizes kSteps[] = {{16, 8}, {16, 7.5}, {16, 7},   {14, 7},
                              {13, 7}, {12, 7},   {12, 6.5}, {11, 6.5}};
  size_t detail_lines = 0;
  size_t room = 0;
  for (const Sizes& sizes : kSteps) {
    const double name_leading = sizes.name * 19.0 / 16;
    const double detail_leading = sizes.details * 11.0 / 8;
    const auto name =
        SetText(set, doc.sender_organization, FontStyle::kBold, sizes.name, model.measure());
    const auto lines = SetDetails(doc.sender_lines, sizes.details, model.measure(), set);
    // Baseline offsets from the name's first baseline.
    const double details_at = (name.empty() ? 0 : (name.size() - 1) * name_leading + sizes.name);
    const double rule_at =
        details_at + (lines.empty() ? -4 : (lines.size() - 1) * detail_leading + 7);
    const double highest = model.letterhead_top + kAscent * sizes.name;
    const double baseline =
        std::max(highest, std::min(model.letterhead_baseline, model.letterhead_bottom - rule_at));
    detail_lines = lines.size();
    // How many lines of details the box holds below the name at these sizes.
    const double below = model.letterhead_bottom - highest - details_at - 7;
    room = below < 0 ? 0 : static_cast<size_t>(below / detail_leading) + 1;
    if (baseline + rule_at > model.letterhead_bottom + 1e-6) continue;
    page.blocks.push_back({name, model.left, baseline, sizes.name, name_leading, 0, "Letterhead"});
    page.blocks.push_back({lines, model.left, baseline + details_at, sizes.details, detail_leading,
                           kMutedGray, "Letterhead"});
    const double rule_y = baseline + rule_at;
    page.rules.push_back({model.left, rule_y, model.right, rule_y, 0.4, 0.6f});
    return std::nullopt;
  }
  if (room == 0)
    return Refuse("/sender/organization", "too long for the letterhead even in its smallest type");
  return Refuse(LongestDetailPointer(doc),
                "the letterhead's address, phone and e-mail need " + std::to_string(detail_lines) +
                    " lines in its smallest type; it holds " + std::to_string(room));
}

// The return address shortened to the sender's name and the last two
// address parts (street, postcode and town), or to the name alone (`parts`
// 1), for when the whole one does not fit: the letterhead above gives it in
// full.
std::string ShortReturnAddress(const std::string& full, size_t parts_kept) {
  constexpr std::string_view kSeparator = " · ";
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t at = full.find(kSeparator, start);
    parts.push_back(full.substr(start, at == std::string::npos ? at : at - start));
    if (at == std::string::npos) break;
    start = at + kSeparator.size();
  }
  if (parts.size() <= parts_kept) return full;
  std::string out = parts[0];
  for (size_t k = parts.size() - (parts_kept - 1); k < parts.size(); ++k)
    out += std::string(kSeparator) + parts[k];
  return out;
}

// The return address: one small line at the foot of the window's upper
// zone; a long one is set smaller, then grows upwards within the zone, never
// into the recipient's lines, and is shortened when it still does not fit.
// (A name of at most 200 characters always fits in 6 pt.)
Misfit SetReturnAddress(const compose::Document& doc, const PageModel& model, const SetSpans& set,
                        FirstPage& page) {
  if (!model.return_line) return std::nullopt;
  struct Try {
    const std::string* text;
    double size;
  };
  const std::string& full = doc.return_address;
  const std::string short_form = ShortReturnAddress(full, 3);
  const std::string name_only = ShortReturnAddress(full, 1);
  const std::vector<Try> tries = {
      {&full, 7}, {&full, 6.5}, {&full, 6}, {&short_form, 6}, {&name_only, 6}};
  size_t needed = 0;
  size_t room = 0;
  for (const Try& attempt : tries) {
    const double size = attempt.size;
    const double leading = size + 1.5;
    auto lines = SetText(set, *attempt.text, FontStyle::kRegular, size, model.address_width);
    if (lines.empty()) return std::nullopt;
    if (lines.size() > 1 && size > 6) continue;  // one line, in smaller type
    const double first = model.return_address_baseline - leading * (lines.size() - 1);
    needed = lines.size();
    room = static_cast<size_t>((model.return_address_baseline - model.return_top - kAscent * size) /
                               leading) +
           1;
    if (first - kAscent * size < model.return_top - 1e-6) continue;
    page.blocks.push_back(
        {std::move(lines), model.address_left, first, size, leading, 0.25f, "Address"});
    return std::nullopt;
  }
  return Refuse("/sender/address", "the return address above the window needs " +
                                       std::to_string(needed) + " lines; the window holds " +
                                       std::to_string(room));
}

// The recipient: the model's count of lines (organization and name
// included) in 10 pt, or in smaller type when long lines wrap.
Misfit SetRecipient(const compose::Document& doc, const PageModel& model, const SetSpans& set,
                    FirstPage& page) {
  size_t needed = 0;
  for (const SpanLines& version : Versions(doc.line_marks.recipient, doc.recipient_lines))
    for (double size : {10.0, 9.5, 9.0, 8.5, 8.0}) {
      auto lines = SetSpanLines(version, FontStyle::kRegular, size, model.address_width, set);
      needed = lines.size();
      if (lines.size() > model.address_lines) continue;
      // The leading closes up a little when the block needs the whole window.
      double leading = 1.25 * size;
      if (lines.size() > 1)
        leading = std::min(leading, (model.address_bottom - kDescent * size - model.address_top) /
                                        (lines.size() - 1));
      page.blocks.push_back(
          {std::move(lines), model.address_left, model.address_top, size, leading, 0, "Address"});
      return std::nullopt;
    }
  return Refuse("/recipient/address",
                std::to_string(needed) +
                    " lines with the name and organization; the window holds " +
                    std::to_string(model.address_lines));
}

// References (small, muted), a gap, then the date, from the block's top
// (DIN 5008); in a US letter the date flush left above the window (one line:
// the left column up to the info column holds any date) and the references
// alone in the info column.
Misfit SetReferences(const compose::Document& doc, const PageModel& model, const SetSpans& set,
                     FirstPage& page) {
  const double measure = model.right - model.info_left;
  const bool date_above_window = model.date_baseline > 0;
  const double date_measure = date_above_window ? model.info_left - model.left - 12 : measure;
  // A marked date line that would take more lines than the plain one is set plain.
  const auto plain_date =
      SetSpanLines(ValueLines({doc.date_line}), FontStyle::kRegular, 10, date_measure, set);
  auto date = plain_date;
  if (!doc.line_marks.date.empty()) {
    auto marked = SetSpanLines(doc.line_marks.date, FontStyle::kRegular, 10, date_measure, set);
    if (marked.size() <= plain_date.size()) date = std::move(marked);
  }
  if (date_above_window && !date.empty())
    page.blocks.push_back({date, model.left, model.date_baseline, 10, 13, 0, "DateBlock"});
  size_t needed = 0;
  for (const SpanLines& version : Versions(doc.line_marks.references, doc.reference_lines))
    for (double size : {8.5, 8.0, 7.5}) {
      const double leading = size * 12 / 8.5;
      auto lines = SetSpanLines(version, FontStyle::kRegular, size, measure, set);
      needed = lines.size();
      if (date_above_window) {
        const double bottom = model.info_top + (lines.size() - 1) * leading + kDescent * size;
        if (!lines.empty() && bottom > model.info_bottom + 1e-6) continue;
        page.blocks.push_back({std::move(lines), model.info_left, model.info_top, size, leading,
                               kMutedGray, "DateBlock"});
        return std::nullopt;
      }
      const double date_at = model.info_top + lines.size() * leading + (lines.empty() ? 0 : 6);
      const double bottom = date_at + (date.empty() ? 0 : (date.size() - 1) * 13) + kDescent * 10;
      if (bottom > model.info_bottom + 1e-6) continue;
      page.blocks.push_back({std::move(lines), model.info_left, model.info_top, size, leading,
                             kMutedGray, "DateBlock"});
      page.blocks.push_back({date, model.info_left, date_at, 10, 13, 0, "DateBlock"});
      return std::nullopt;
    }
  return Refuse("/contract/reference", "the reference block beside the window needs " +
                                           std::to_string(needed) +
                                           " lines in its smallest type; there is room for fewer");
}

}  // namespace

Result<FirstPage> SetFirstPage(const compose::Document& doc, const PageModel& model,
                               const SetSpans& set) {
  FirstPage page;
  std::vector<FieldError> misfits;
  for (const Misfit& misfit :
       {SetLetterhead(doc, model, set, page), SetReturnAddress(doc, model, set, page),
        SetRecipient(doc, model, set, page), SetReferences(doc, model, set, page)})
    if (misfit) misfits.push_back(*misfit);
  if (!misfits.empty()) return Status::Invalid(std::move(misfits));
  for (double fold : model.fold_marks)
    page.rules.push_back({4 * kMm, fold, 9 * kMm, fold, 0.4, 0.5f});
  if (model.punch_mark > 0)
    page.rules.push_back({4 * kMm, model.punch_mark, 11 * kMm, model.punch_mark, 0.4, 0.5f});
  return page;
}

}  // namespace parting::layout
