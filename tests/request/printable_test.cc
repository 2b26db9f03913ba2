// Text in scripts the letter's fonts cannot draw is refused at validation,
// naming the field and the characters; Latin, Greek, Cyrillic and Thai pass.
#include "request/printable.h"

#include <doctest/doctest.h>

#include "request_fixture.h"

namespace parting::testing {
namespace {

std::string Quoted(const std::string& text) { return "\"" + text + "\""; }

TEST_CASE("printable scripts pass, every other script is refused by name") {
  struct Case {
    const char* text;
    const char* expected;  // "" when printable
  };
  const Case cases[] = {
      {"Jürgen Weiß-Öztürk, São Paulo, Łódź, Dvořák", ""},
      {"Γεώργιος Παπαδόπουλος", ""},
      {"Дмитрий Иванов", ""},
      {"นางสาวสมหญิง รักงาน", ""},
      {"Re\u0301sume\u0301 © 2026 – № 5 · 12 € · «x» „y“ ‘z’", ""},
      {"A\u00A0B\u200BC", ""},
      {"山田太郎",
       "cannot be printed in the letter: 山 U+5C71 (Han), 田 U+7530 (Han), "
       "太 U+592A (Han), 郎 U+90CE (Han)"},
      {"محمد",
       "cannot be printed in the letter: م U+0645 (Arabic), ح U+062D (Arabic), "
       "د U+062F (Arabic)"},
      {"דוד", "cannot be printed in the letter: ד U+05D3 (Hebrew), ו U+05D5 (Hebrew)"},
      {"Anna 😀", "cannot be printed in the letter: 😀 U+1F600 (emoji)"},
      {"Kim 김", "cannot be printed in the letter: 김 U+AE40 (Hangul)"},
      {"Dear\u3002", "cannot be printed in the letter: 。 U+3002 (Han)"},
      {"x\uE123", "cannot be printed in the letter: U+E123 (unassigned or private use)"},
      {"一二三四五六七",
       "cannot be printed in the letter: 一 U+4E00 (Han), 二 U+4E8C (Han), "
       "三 U+4E09 (Han), 四 U+56DB (Han), 五 U+4E94 (Han) and 2 more"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(request::UnprintableCharacters(c.text) == c.expected);
  }
}

TEST_CASE("a name in an unprintable script is a 422 naming the field and the characters") {
  const Result<LetterRequest> result =
      ParseEdited({{"/recipient/name", Quoted("王小明")},
                   {"/recipient/address/0", Quoted("Главная улица 1")},
                   {"/sender/name", Quoted("Ada 🙂 Sender")}});
  CHECK(
      Describe(result) ==
      Describe(std::vector<FieldError>{
          {"/sender/name", "cannot be printed in the letter: 🙂 U+1F642 (emoji)"},
          {"/recipient/name",
           "cannot be printed in the letter: 王 U+738B (Han), 小 U+5C0F (Han), 明 U+660E (Han)"}}));
}

TEST_CASE("Greek, Cyrillic and Thai names parse") {
  const Result<LetterRequest> result =
      ParseEdited({{"/recipient/name", Quoted("Ελένη Κωνσταντίνου")},
                   {"/sender/name", Quoted("Ольга Петрова")},
                   {"/recipient/address/0", Quoted("99 ถนนเจริญกรุง")}});
  CHECK(Describe(result) == "ok");
}

}  // namespace
}  // namespace parting::testing
