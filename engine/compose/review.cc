#include "compose/review.h"

#include "locale/locale.h"
#include "parting/fingerprint.h"

namespace parting::compose {
namespace {

bool StartsWith(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::string DateFact(Language language, Date date) {
  return locale::FormatDate(language, date) + " (" + date.ToIso() + ")";
}

}  // namespace

Section SectionForPointer(const std::string& p) {
  if (StartsWith(p, "/projects")) return Section::kProjects;
  if (StartsWith(p, "/transition/alternatives")) return Section::kAlternatives;
  if (StartsWith(p, "/transition")) return Section::kTransition;
  if (StartsWith(p, "/goodwill")) return Section::kGoodwill;
  if (StartsWith(p, "/options/apology")) return Section::kApology;
  if (StartsWith(p, "/termination/requested_end_date")) return Section::kContract;
  if (StartsWith(p, "/termination")) return Section::kDecision;
  if (StartsWith(p, "/contract")) return Section::kContract;
  return Section::kThanks;
}

Review BuildReview(const LetterRequest& request, const Plan& plan, const TemplateSet& set) {
  const auto& label = set.labels.review;
  const Language language = request.language;
  auto route_name = [&](Route route) {
    return label.at("routes." + std::string(RouteName(route)));
  };
  Review review;
  review.title = label.at("title");
  review.facts.push_back({label.at("letter_date"), DateFact(language, plan.letter_date)});
  review.facts.push_back(
      {label.at("effective_end_date"), DateFact(language, plan.effective_end_date)});
  review.facts.push_back({label.at("route"), route_name(plan.route)});
  review.facts.push_back({label.at("derivation"), plan.derivation});
  for (const RouteOption& option : plan.options) {
    if (option.route == plan.route && option.date == plan.effective_end_date) continue;
    review.facts.push_back({label.at("other_routes"), route_name(option.route) + ": " +
                                                          option.date.ToIso() + " — " +
                                                          option.derivation});
  }
  for (const std::string& note : plan.notes) review.facts.push_back({label.at("notes"), note});
  std::string sections;
  for (Section section : plan.sections)
    sections += (sections.empty() ? "" : ", ") + std::string(SectionName(section));
  review.facts.push_back({label.at("sections"), sections});
  review.facts.push_back({label.at("template_version"), set.version});
  // In four groups of sixteen digits: easier to compare by eye, and it wraps.
  std::string fingerprint = Fingerprint(request);
  for (size_t at = 48; at > 0; at -= 16) fingerprint.insert(at, " ");
  review.facts.push_back({label.at("fingerprint"), fingerprint});

  review.warnings_title = label.at("warnings");
  review.note_title = label.at("note_title");
  for (const Warning& warning : plan.warnings) {
    const std::string line = warning.code + " — " + warning.pointer + ": " + warning.message;
    review.warnings.push_back(line);
    review.notes.push_back({SectionForPointer(warning.pointer), line});
  }
  if (review.warnings.empty()) review.warnings.push_back(label.at("no_warnings"));
  return review;
}

}  // namespace parting::compose
