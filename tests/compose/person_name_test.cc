#include "compose/person_name.h"

#include <doctest/doctest.h>

namespace parting::compose {
namespace {

TEST_CASE("SplitName finds the family name and leading titles") {
  struct Case {
    const char* name;
    const char* title;
    const char* surname;
  };
  const Case cases[] = {
      {"Thomas Müller", "", "Müller"},
      {"Dr. Thomas Müller", "Dr.", "Müller"},
      {"Prof. Dr. Anna Schmidt", "Prof. Dr.", "Schmidt"},
      {"Anna von Bergen", "", "von Bergen"},
      {"Pieter van der Berg", "", "van der Berg"},
      {"Müller, Thomas", "", "Müller"},
      {"Cher", "", "Cher"},
      {"  Margaret   Collins ", "", "Collins"},
      {"J. R. Schmidt", "", "Schmidt"},
      {"A. Jones", "", "Jones"},
      {"Mr. John Smith", "", "Smith"},
      {"Dr. med. Eva Roth", "Dr. med.", "Roth"},
      {"dr hab. inż. Anna Nowak", "dr hab. inż.", "Nowak"},
      {"Dipl.-Ing. Jörg Brandt", "Dipl.-Ing.", "Brandt"},
      {"Dr.", "", "Dr."},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    NameParts parts = SplitName(c.name);
    CHECK(parts.title == c.title);
    CHECK(parts.surname == c.surname);
  }
}

TEST_CASE("SplitName keeps initials and takes courtesy words out of the name") {
  NameParts initials = SplitName("J. R. Schmidt");
  CHECK(initials.title.empty());
  CHECK(initials.bare == "J. R. Schmidt");
  NameParts mister = SplitName("Herr Jan Vogt");
  CHECK(mister.courtesy == "Herr");
  CHECK(mister.courtesy_form == FormOfAddress::kMr);
  CHECK(mister.bare == "Jan Vogt");
  CHECK(SplitName("Pani Maria Wiśniewska").courtesy_form == FormOfAddress::kMs);
  // A courtesy word alone is the name, not a courtesy word.
  CHECK(SplitName("Herr").bare == "Herr");
}

TEST_CASE("SplitName finds a Thai name's own title, written with or without a space") {
  struct Case {
    const char* name;
    const char* thai_title;
  };
  const Case cases[] = {
      {"นางสาวสมหญิง ใจงาม", "นางสาว"}, {"นางวิไล รักไทย", "นาง"},   {"นาย สมชาย ใจดี", "นาย"},
      {"ดร.อรุณ ที่ดี", "ดร."},          {"รศ.ดร.ปกรณ์ ศรีสุข", "รศ.ดร."}, {"ศาสตราจารย์ ดร.ปกรณ์ ศรีสุข", "ศาสตราจารย์ ดร."},
      {"พ.ต.อ.วีระ กล้าหาญ", "พ.ต.อ."}, {"คุณอรุณ ที่ดี", "คุณ"},      {"สมชาย ใจดี", ""},
      {"คุณ", ""},                       {"John Smith", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(SplitName(c.name).thai_title == c.thai_title);
  }
}

TEST_CASE("TownOf reads 'postcode town' and nothing else") {
  CHECK(TownOf({"Am Sandtorkai 12", "20457 Hamburg"}) == "Hamburg");
  CHECK(TownOf({"ul. Marszałkowska 1", "00-950 Warszawa"}) == "Warszawa");
  CHECK(TownOf({"Av. Paulista, 1578", "01310-200 São Paulo – SP"}) == "São Paulo");
  CHECK(TownOf({"Rua XV de Novembro, 700", "80020-310 Curitiba/PR"}) == "Curitiba");
  CHECK(TownOf({"Hauptstraße 1", "06108 Halle (Saale)"}) == "Halle (Saale)");
  CHECK(TownOf({"410 Harbor Street", "Portland, OR 97204"}) == "");
  CHECK(TownOf({}) == "");
  CHECK(TownOf({"D-20457 Hamburg"}) == "Hamburg");
  CHECK(TownOf({"PL-00-950  Warszawa"}) == "Warszawa");
  CHECK(TownOf({"20457"}) == "");
  CHECK(TownOf({"20457 "}) == "");
  CHECK(TownOf({"12345-67 Ort"}) == "");
  CHECK(TownOf({"1234-567 Ort"}) == "");
  CHECK(TownOf({"123456 Ort"}) == "");
  CHECK(TownOf({"1234 Bern"}) == "Bern");
  CHECK(TownOf({"01310-200 A-B - SP"}) == "A-B");
  CHECK(TownOf({"01310-200 São Paulo-SP"}) == "São Paulo");
  CHECK(TownOf({"20457 Hamburg-Altona"}) == "Hamburg-Altona");
}

}  // namespace
}  // namespace parting::compose
