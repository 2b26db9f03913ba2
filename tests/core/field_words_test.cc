#include "parting/field_words.h"

#include <doctest/doctest.h>

namespace parting {
namespace {

TEST_CASE("a pointer in words") {
  const std::pair<const char*, const char*> cases[] = {
      {"", "the request"},
      {"/recipient/name", "recipient name"},
      {"/letter_date", "letter date"},
      {"/contract/notice_period/unit", "contract notice period unit"},
      {"/contract/term_end", "contract end of term"},
      {"/termination/requested_end_date", "requested end date"},
      {"/termination/reasons/0", "reason 1"},
      {"/projects/2/due", "project 3 due date"},
      {"/sender/address/1", "sender address line 2"},
      {"/sender/legal/vat_id", "sender VAT ID"},
      {"/delivery/email/to", "e-mail recipient"},
      {"/delivery/email/cc/0", "e-mail copy recipient 1"},
      {"/options/paper", "paper"},
      {"/options/archive", "archive copy"},
      {"/termination", "termination"},
      {"/after/recipient/email", "recipient e-mail (revised letter)"},
      {"/before", "the earlier letter"},
      {"/a~1b/c~0d", "a/b c~d"},
      {"/widgets/0", "widgets item 1"},
  };
  for (const auto& [pointer, words] : cases) {
    CAPTURE(pointer);
    CHECK(FieldInWords(pointer) == words);
  }
}

TEST_CASE("an error in words") {
  SUBCASE("a missing field") {
    CHECK(ErrorInWords({"/recipient/name", "is required"}) == "recipient name is missing");
  }
  SUBCASE("a message that continues the sentence") {
    CHECK(ErrorInWords({"/options/paper", "must be one of A4, letter"}) ==
          "paper must be one of A4, letter");
    CHECK(ErrorInWords({"/sender", "needs an organization or a name"}) ==
          "sender needs an organization or a name");
  }
  SUBCASE("an unknown field names the key and where it is") {
    CHECK(ErrorInWords({"/sender/nmae", "unknown field (did you mean 'name'?)"}) ==
          "sender has an unknown field 'nmae' (did you mean 'name'?)");
    CHECK(ErrorInWords({"/colour", "unknown field"}) ==
          "the request has an unknown field 'colour'");
  }
  SUBCASE("the whole request") {
    CHECK(ErrorInWords({"", "must be an object"}) == "the request must be an object");
    CHECK(ErrorInWords({"", "line 1, column 2: expected a field name in double quotes"}) ==
          "line 1, column 2: expected a field name in double quotes");
  }
  SUBCASE("any other message follows a colon") {
    CHECK(ErrorInWords({"/letter_date", "not a real date: 2026-02-30"}) ==
          "letter date: not a real date: 2026-02-30");
  }
}

}  // namespace
}  // namespace parting
