// delivery.email: the optional e-mail a batch run prepares (api-extensions.md).
#include <doctest/doctest.h>

#include "parting/fingerprint.h"
#include "request_fixture.h"

namespace parting::testing {

TEST_CASE("delivery: absent, empty or given") {
  SUBCASE("absent") {
    auto r = ParseEdited({});
    REQUIRE_MESSAGE(r.ok(), Describe(r));
    CHECK_FALSE(r->delivery.has_value());
  }
  SUBCASE("an empty object asks for nothing") {
    auto r = ParseEdited({{"/delivery", "{}"}});
    REQUIRE_MESSAGE(r.ok(), Describe(r));
    CHECK_FALSE(r->delivery.has_value());
  }
  SUBCASE("every field") {
    auto r = ParseEdited({{"/delivery/email",
                           R"({"to": " bob@client.example ", "subject": "Our letter",
                               "cc": ["ada@sender.example"]})"}});
    REQUIRE_MESSAGE(r.ok(), Describe(r));
    REQUIRE(r->delivery);
    REQUIRE(r->delivery->email);
    CHECK(r->delivery->email->to == "bob@client.example");
    CHECK(r->delivery->email->subject == "Our letter");
    CHECK(r->delivery->email->cc == std::vector<std::string>{"ada@sender.example"});
  }
}

TEST_CASE("delivery: every problem has its pointer") {
  struct Case {
    std::vector<Edit> edits;
    std::string expected;
  };
  const Case cases[] = {
      {{{"/delivery", "\"mail\""}}, "/delivery: "},
      {{{"/delivery/fax", "\"123\""}}, "/delivery/fax: "},
      {{{"/delivery/email", "{}"}}, "/delivery/email/to: is required\n"},
      {{{"/delivery/email/to", "\"not an address\""}},
       "/delivery/email/to: is not an e-mail address\n"},
      {{{"/delivery/email/to", "\"a@b.example\""}, {"/delivery/email/subject", "\"a\\r\\nBcc: x\""}},
       "/delivery/email/subject: "},
      {{{"/delivery/email/to", "\"a@b.example\""}, {"/delivery/email/cc", "[\"a@b.example\", \"x\"]"}},
       "/delivery/email/cc/1: is not an e-mail address\n"},
      {{{"/delivery/email/to", "\"a@b.example\""}, {"/delivery/email/bcc", "[]"}},
       "/delivery/email/bcc: "},
  };
  for (const Case& c : cases) {
    const std::string got = Describe(ParseEdited(c.edits));
    CAPTURE(got);
    CHECK(got.starts_with(c.expected));
  }
  SUBCASE("too many copies") {
    std::string cc = "[";
    for (size_t i = 0; i <= kMaxCopyRecipients; ++i) cc += (i ? "," : "") + std::string("\"c@d.example\"");
    const std::string got = Describe(ParseEdited(
        {{"/delivery/email/to", "\"a@b.example\""}, {"/delivery/email/cc", cc + "]"}}));
    CHECK(got.starts_with("/delivery/email/cc: "));
  }
}

TEST_CASE("delivery: part of the canonical form and the fingerprint") {
  auto plain = ParseEdited({});
  auto mailed = ParseEdited({{"/delivery/email/to", "\"bob@client.example\""}});
  REQUIRE(plain.ok());
  REQUIRE(mailed.ok());
  CHECK(Fingerprint(*plain) != Fingerprint(*mailed));
  const std::string canonical = CanonicalJson(*mailed);
  CHECK(canonical.ends_with(R"("delivery":{"email":{"to":"bob@client.example"}}})"));
  auto again = ParseLetterRequest(canonical, kToday);
  REQUIRE_MESSAGE(again.ok(), Describe(again));
  CHECK(CanonicalJson(*again) == canonical);
}

}  // namespace parting::testing
