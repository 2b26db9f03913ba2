// The parts of a letter, each described once: the name the plan JSON, the
// templates (letter_templates/<lang>/sections/<name>.mustache) and the markup
// use for it. SectionName(), the markup's section lookup and the template
// set's list of section files derive from kSections. Constexpr data.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "parting/plan.h"  // enum class Section, SectionName()

namespace parting {

struct SectionInfo {
  Section section;
  std::string_view name;  ///< "thanks", …
};

/// Every section, in the order of enum class Section (the letter's order).
inline constexpr std::array<SectionInfo, 9> kSections = {{
    {Section::kThanks, "thanks"},
    {Section::kDecision, "decision"},
    {Section::kContract, "contract"},
    {Section::kProjects, "projects"},
    {Section::kTransition, "transition"},
    {Section::kGoodwill, "goodwill"},
    {Section::kApology, "apology"},
    {Section::kAlternatives, "alternatives"},
    {Section::kClosing, "closing"},
}};

namespace section_table_check {
constexpr bool InEnumOrder() {
  for (std::size_t i = 0; i < kSections.size(); ++i)
    if (static_cast<std::size_t>(kSections[i].section) != i) return false;
  return true;
}
static_assert(InEnumOrder(), "kSections must list the sections in enum order");
}  // namespace section_table_check

}  // namespace parting
