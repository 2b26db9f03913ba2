// Absent optional fields take the defaults of api.md; null and "" are absent.
#include <doctest/doctest.h>

#include "request_fixture.h"

namespace parting::testing {
namespace {

LetterRequest ParseOk(const std::vector<Edit>& edits) {
  Result<LetterRequest> result = ParseEdited(edits);
  INFO(Describe(result));
  REQUIRE(result.ok());
  return std::move(result).value();
}

TEST_CASE("a minimal request gets the defaults of api.md") {
  const LetterRequest r = ParseOk({});
  CHECK(r.language == Language::kEn);
  CHECK(r.letter_date == kToday);
  CHECK(r.sender.name == "Ada Sender");
  CHECK(r.sender.address.empty());
  CHECK(r.recipient.form_of_address == FormOfAddress::kNeutral);
  CHECK(r.recipient.address == std::vector<std::string>{"1 Main Street"});
  CHECK(r.contract.notice_anchor == NoticeAnchor::kAnyDay);
  CHECK_FALSE(r.contract.term_end);
  CHECK_FALSE(r.contract.auto_renewal);
  CHECK(r.contract.early_termination_allowed);
  CHECK_FALSE(r.contract.immediate_for_cause);
  CHECK(r.contract.currency.empty());
  CHECK(r.termination.reasons.empty());
  CHECK_FALSE(r.termination.for_cause);
  CHECK(r.projects.empty());
  CHECK_FALSE(r.transition.contact);
  CHECK(r.goodwill.kind == GoodwillKind::kNone);
  CHECK_FALSE(r.goodwill.amount);
  CHECK(r.options.paper == Paper::kA4);
  CHECK_FALSE(r.options.draft);
  CHECK(r.options.apology);
  CHECK(r.options.fallback_clause);
  CHECK(r.options.confirm_receipt);
}

TEST_CASE("the fallback clause and the request to confirm receipt can be switched off") {
  const LetterRequest r =
      ParseOk({{"/options/fallback_clause", "false"}, {"/options/confirm_receipt", "false"}});
  CHECK_FALSE(r.options.fallback_clause);
  CHECK_FALSE(r.options.confirm_receipt);
  CHECK(ParseOk({{"/options/fallback_clause", "null"}}).options.fallback_clause);
}

TEST_CASE("early termination defaults to allowed only without a fixed term") {
  SUBCASE("with term_end") {
    CHECK_FALSE(
        ParseOk({{"/contract/term_end", "\"2027-06-30\""}}).contract.early_termination_allowed);
  }
  SUBCASE("with term_end and explicitly allowed") {
    CHECK(ParseOk({{"/contract/term_end", "\"2027-06-30\""},
                   {"/contract/early_termination_allowed", "true"}})
              .contract.early_termination_allowed);
  }
  SUBCASE("without term_end, explicitly not allowed") {
    CHECK_FALSE(ParseOk({{"/contract/early_termination_allowed", "false"}})
                    .contract.early_termination_allowed);
  }
}

TEST_CASE("null and empty strings count as absent for optional fields") {
  SUBCASE("null date") { CHECK(ParseOk({{"/letter_date", "null"}}).letter_date == kToday); }
  SUBCASE("empty date") { CHECK(ParseOk({{"/letter_date", "\"\""}}).letter_date == kToday); }
  SUBCASE("null enum") { CHECK(ParseOk({{"/options/paper", "null"}}).options.paper == Paper::kA4); }
  SUBCASE("empty enum") {
    CHECK(ParseOk({{"/recipient/form_of_address", "\"\""}}).recipient.form_of_address ==
          FormOfAddress::kNeutral);
  }
  SUBCASE("empty codes") {
    const LetterRequest r = ParseOk(
        {{"/contract/currency", "\"\""}, {"/sender/country", "\"\""}, {"/sender/email", "\" \""}});
    CHECK(r.contract.currency.empty());
    CHECK(r.sender.country.empty());
    CHECK(r.sender.email.empty());
  }
  SUBCASE("null sections") {
    const LetterRequest r = ParseOk({{"/projects", "null"},
                                     {"/transition", "null"},
                                     {"/goodwill", "null"},
                                     {"/options", "null"},
                                     {"/termination/requested_end_date", "null"}});
    CHECK(r.projects.empty());
    CHECK_FALSE(r.termination.requested_end_date);
  }
}

TEST_CASE("strings are trimmed of surrounding spaces") {
  const LetterRequest r = ParseOk({{"/sender/name", "\"  Ada  Sender \""},
                                   {"/recipient/address", R"(["  1 Main Street  "])"},
                                   {"/language", "\" de \""}});
  CHECK(r.sender.name == "Ada  Sender");
  CHECK(r.recipient.address == std::vector<std::string>{"1 Main Street"});
  CHECK(r.language == Language::kDe);
}

TEST_CASE("the goodwill currency defaults to the contract's") {
  SUBCASE("absent") {
    const LetterRequest r = ParseOk({{"/contract/currency", "\"CHF\""},
                                     {"/goodwill", R"({"kind": "waive_fee", "amount": "99.5"})"}});
    CHECK(r.goodwill.currency == "CHF");
    CHECK(r.goodwill.amount->cents == 9950);
  }
  SUBCASE("given") {
    const LetterRequest r =
        ParseOk({{"/contract/currency", "\"CHF\""}, {"/goodwill/currency", "\"EUR\""}});
    CHECK(r.goodwill.currency == "EUR");
  }
}

TEST_CASE("a letter may end a relationship for cause immediately") {
  const LetterRequest r = ParseOk({{"/contract/notice_period", ""},
                                   {"/contract/immediate_for_cause", "true"},
                                   {"/termination/for_cause", "true"},
                                   {"/termination/reasons", R"(["abusive_to_staff"])"}});
  CHECK_FALSE(r.contract.notice_period);
  CHECK(r.termination.for_cause);
  CHECK(r.termination.reasons == std::vector<std::string>{"abusive_to_staff"});
}

}  // namespace
}  // namespace parting::testing
