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
      {"", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    NameParts parts = SplitName(c.name);
    CHECK(parts.title == c.title);
    CHECK(parts.surname == c.surname);
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
}

}  // namespace
}  // namespace parting::compose
