// The block markup that rendered templates are written in, and its parser.
//
// Line based, so that a template reads like the letter it produces:
//
//   @section NAME   all blocks from here on belong to letter part NAME
//                   ("thanks", "decision", … as SectionName spells them)
//   (blank line)    in the template source: ends the current block
//                   (MarkParagraphs turns it into kParagraphMark at load, so
//                   that a line emptied by a false condition does not: lines
//                   that come out empty after rendering are ignored)
//   ## text         a heading (one line)
//   - text          a list item
//   other text      a paragraph; following non-blank lines continue the
//                   current block, joined with one space
//
// Inline: **bold**, _italic_, and a backslash makes the next character
// literal (\*, \_, \\). Values inserted by Mustache arrive wrapped in the
// private delimiters of escape.h and are literal text whatever they contain;
// verbatim values become Span.verbatim. Runs of white space collapse to one
// space and blocks are trimmed, so an optional part that is left out never
// leaves a double space. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compose/document.h"
#include "parting/status.h"

namespace parting::compose {

/// Template source with each blank line replaced by kParagraphMark.
std::string MarkParagraphs(std::string_view source);

/// Parses rendered markup into blocks. Blocks before the first @section
/// directive belong to `initial`. kInternal for an unknown section name or
/// emphasis left open at the end of a block (a template bug).
Result<std::vector<Block>> ParseMarkup(std::string_view markup, Section initial);

/// The section named `name` ("contract"), false when there is none.
bool SectionFromName(std::string_view name, Section* section);

/// The text of all spans, concatenated.
std::string PlainText(const std::vector<Span>& spans);

/// A one-line template result (subject, salutation, date line) as plain
/// text: the text of its single block, "" for none; kInternal for more than
/// one block.
Result<std::string> ParseLine(std::string_view markup);

}  // namespace parting::compose
