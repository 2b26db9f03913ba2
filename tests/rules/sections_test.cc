#include <doctest/doctest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parting/plan.h"
#include "parting/section.h"
#include "request_fixture.h"

namespace parting {
namespace {

using testing::BaseRequest;
using testing::D;

std::vector<std::string> SectionsOf(const LetterRequest& request) {
  const Result<Plan> plan = MakePlan(request);
  REQUIRE(plan.ok());
  std::vector<std::string> names;
  for (Section s : plan->sections) names.emplace_back(SectionName(s));
  return names;
}

using Names = std::vector<std::string>;

TEST_CASE("a letter has the sections its request gives content for, in order") {
  LetterRequest r = BaseRequest();

  SUBCASE("the bare minimum, with the default apology") {
    CHECK(SectionsOf(r) == Names{"thanks", "decision", "contract", "apology", "closing"});
  }
  SUBCASE("without an apology") {
    r.options.apology = false;
    CHECK(SectionsOf(r) == Names{"thanks", "decision", "contract", "closing"});
  }
  SUBCASE("every section") {
    r.projects.push_back({"Website relaunch", "Go-live", D("2026-12-15")});
    r.transition.handover = {"Source files"};
    r.transition.alternatives.push_back({"Hafenblick Digital", "e-commerce"});
    r.goodwill.kind = GoodwillKind::kRefundLastMonth;
    r.goodwill.amount = Amount{125000};
    CHECK(SectionsOf(r) == Names{"thanks", "decision", "contract", "projects", "transition",
                                 "goodwill", "apology", "alternatives", "closing"});
  }
  SUBCASE("a transition from a hand-over date alone") {
    r.transition.handover_by = D("2027-01-15");
    CHECK(SectionsOf(r) ==
          Names{"thanks", "decision", "contract", "transition", "apology", "closing"});
  }
  SUBCASE("a transition from a contact alone") {
    r.transition.contact = Contact{"Lena Vogt", "lena.vogt@nordlicht.example", ""};
    CHECK(SectionsOf(r) ==
          Names{"thanks", "decision", "contract", "transition", "apology", "closing"});
  }
  SUBCASE("alternatives alone make no transition") {
    r.transition.alternatives.push_back({"Hafenblick Digital", ""});
    CHECK(SectionsOf(r) ==
          Names{"thanks", "decision", "contract", "apology", "alternatives", "closing"});
  }
}

TEST_CASE("abuse of staff or unethical conduct leaves out goodwill and the apology") {
  LetterRequest r = BaseRequest();
  r.goodwill.kind = GoodwillKind::kCancelLastInvoice;
  r.goodwill.invoice = "RE-2026-1102";
  r.transition.alternatives.push_back({"Hafenblick Digital", ""});
  const Names full = {"thanks",  "decision",     "contract", "goodwill",
                      "apology", "alternatives", "closing"};
  const Names without = {"thanks", "decision", "contract", "alternatives", "closing"};

  SUBCASE("other reasons keep them") {
    r.termination.reasons = {"time_drain", "payment_problems"};
    CHECK(SectionsOf(r) == full);
  }
  SUBCASE("abusive_to_staff") {
    r.termination.reasons = {"time_drain", "abusive_to_staff"};
    CHECK(SectionsOf(r) == without);
  }
  SUBCASE("unethical_conduct") {
    r.termination.reasons = {"unethical_conduct"};
    CHECK(SectionsOf(r) == without);
  }
}

}  // namespace
}  // namespace parting

namespace parting {
namespace {

TEST_CASE("every section has one name, and the name leads back to it") {
  std::set<std::string_view> names;
  for (const SectionInfo& info : kSections) {
    CAPTURE(info.name);
    CHECK(names.insert(info.name).second);
    CHECK(SectionName(info.section) == info.name);
    CHECK(info.name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos);
  }
  CHECK(SectionName(Section::kClosing) == "closing");
}

}  // namespace
}  // namespace parting
