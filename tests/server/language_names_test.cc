#include "server/language_names.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

namespace parting::server {
namespace {

TEST_CASE("every language is listed with its own name") {
  const std::vector<LanguageName> names = LanguageNames();
  REQUIRE(names.size() == AllLanguages().size());
  auto find = [&](std::string_view code) -> const LanguageName& {
    for (const LanguageName& name : names)
      if (name.code == code) return name;
    FAIL("missing " << code);
    return names.front();
  };
  CHECK(find("en").native_name == "English");
  CHECK(find("de").native_name == "Deutsch");
  CHECK(find("de").english_name == "German");
  CHECK(find("pl").native_name == "Polski");
  CHECK(find("pt").native_name.starts_with("Português"));
  CHECK(find("th").native_name == "ไทย");
  CHECK(find("th").english_name == "Thai");
  CHECK(find("en").locale == "en-US");
  CHECK(find("th").locale == "th-TH");
}

TEST_CASE("the languages document lists code and name") {
  const std::string json = LanguagesJson({{"de", "Deutsch", "German", "de-DE"}});
  const auto root = Poco::JSON::Parser().parse(json).extract<Poco::JSON::Object::Ptr>();
  const auto first = root->getArray("languages")->getObject(0);
  CHECK(first->getValue<std::string>("code") == "de");
  CHECK(first->getValue<std::string>("name") == "Deutsch");
  CHECK(first->getValue<std::string>("english_name") == "German");
  CHECK(first->getValue<std::string>("locale") == "de-DE");
}

}  // namespace
}  // namespace parting::server
