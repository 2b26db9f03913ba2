#include "compose/template_check.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "compose/composer.h"
#include "compose/context_schema.h"
#include "test_support.h"

namespace parting::compose {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Check(std::string_view text) {
  return CheckTemplate(text, "t.mustache", {"sections/thanks", "reasons"});
}

TEST_CASE("sound templates pass") {
  CHECK(Check("{{letter_date}} {{#contract.title}}the {{contract.title}}{{/contract.title}}")
            .empty());
  CHECK(
      Check(
          "{{#projects}}- {{name}}{{#due}} by {{due}}{{/due}} {{effective_end_date}}{{/projects}}")
          .empty());
  CHECK(Check("{{! a comment }}{{>sections/thanks}}{{>reasons}}{{^firm}}x{{/firm}}").empty());
}

TEST_CASE("each kind of template bug is reported with file and line") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"a\n{{contract_titel}}", "t.mustache:2: unknown key 'contract_titel'"},
      {"{{contract.title}}", "t.mustache:1: 'contract.title' may be absent"},
      {"{{^contract.title}}{{contract.title}}{{/contract.title}}", "may be absent"},
      {"{{firm}}", "'firm' is a condition"},
      {"{{projects}}", "'projects' is a list"},
      {"{{contract}}", "'contract' is a group"},
      {"{{name}}", "unknown key 'name'"},  // an item key outside its list
      {"{{{letter_date}}}", "unescaped output"},
      {"{{&letter_date}}", "unescaped output"},
      {"{{=<% %>=}}", "changing the delimiters"},
      {"{{>sections/thnaks}}", "unknown partial 'sections/thnaks'"},
      {"{{#firm}}\n\nx", "t.mustache:1: section 'firm' is never closed"},
      {"{{#firm}}{{/for_cause}}", "closes 'firm'"},
      {"{{/firm}}", "closes no section"},
      {"x\n{{letter_date}", "t.mustache:2: '{{' is never closed"},
      {"{contract.title}}", "t.mustache:1: '}}' without '{{'"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    std::vector<std::string> errors = Check(c.text);
    REQUIRE(errors.size() >= 1);
    CHECK(errors.front().find(c.message) != std::string::npos);
  }
}

TEST_CASE("the shipped templates of every language pass the check") {
  auto composer = Composer::Load(parting::testing::SourceDir() / "letter_templates");
  REQUIRE_MESSAGE(composer.ok(), composer.status().ToString());
}

// A copy of the shipped English folder under a folder named letter_templates.
fs::path CopyOfEnglish() {
  fs::path root = parting::testing::TempDir("compose_check") / "letter_templates";
  fs::create_directories(root);
  fs::copy(parting::testing::SourceDir() / "letter_templates" / "en", root / "en",
           fs::copy_options::recursive);
  fs::remove_all(root / "en" / "samples");
  return root;
}

TEST_CASE("a typo in a shipped template fails Load with file and line") {
  fs::path root = CopyOfEnglish();
  fs::path contract = root / "en" / "sections" / "contract.mustache";
  std::string text = parting::testing::ReadFile(contract);
  text = "{{! one }}\n{{! two }}\nThe {{#contract_titel}}{{contract_titel}}{{/contract_titel}}.\n" +
         text;
  parting::testing::WriteFile(contract, text);
  auto composer = Composer::Load(root);
  REQUIRE_FALSE(composer.ok());
  CHECK(composer.status().code() == StatusCode::kInternal);
  CHECK(composer.status().message().find(
            "letter_templates/en/sections/contract.mustache:3: unknown key 'contract_titel'") !=
        std::string::npos);
}

TEST_CASE("a missing reason partial fails Load") {
  fs::path root = CopyOfEnglish();
  fs::remove(root / "en" / "reasons" / "time_drain.mustache");
  auto composer = Composer::Load(root);
  REQUIRE_FALSE(composer.ok());
  CHECK(composer.status().code() == StatusCode::kNotFound);
  CHECK(composer.status().message().find(
            "letter_templates/en/reasons/time_drain.mustache: missing") != std::string::npos);
}

TEST_CASE("other broken folders fail Load") {
  fs::path root = CopyOfEnglish();
  SUBCASE("a misspelled reason file") {
    fs::copy(root / "en" / "reasons" / "time_drain.mustache",
             root / "en" / "reasons" / "time_drian.mustache");
  }
  SUBCASE("a reason of two paragraphs") {
    parting::testing::WriteFile(root / "en" / "reasons" / "time_drain.mustache", "One.\n\nTwo.\n");
  }
  SUBCASE("a partial that includes itself") {
    parting::testing::WriteFile(root / "en" / "sections" / "apology.mustache",
                                "Sorry. {{>sections/apology}}\n");
  }
  SUBCASE("a label missing") {
    std::string labels = parting::testing::ReadFile(root / "en" / "labels.json");
    labels.replace(labels.find("\"closing\""), 9, "\"closin\"");
    parting::testing::WriteFile(root / "en" / "labels.json", labels);
  }
  SUBCASE("labels that are not JSON") {
    parting::testing::WriteFile(root / "en" / "labels.json", "{\"closing\": ");
  }
  SUBCASE("labels that are not an object") {
    parting::testing::WriteFile(root / "en" / "labels.json", "[\"closing\"]");
  }
  SUBCASE("a label that is not text") {
    std::string labels = parting::testing::ReadFile(root / "en" / "labels.json");
    labels.replace(labels.find("\"closing\""), 9, "\"closing\": 1, \"x\"");
    parting::testing::WriteFile(root / "en" / "labels.json", labels);
  }
  SUBCASE("an unknown section directive") {
    std::string letter = parting::testing::ReadFile(root / "en" / "letter.mustache");
    letter.replace(letter.find("@section goodwill"), 17, "@section goodwil");
    parting::testing::WriteFile(root / "en" / "letter.mustache", letter);
  }
  CHECK_FALSE(Composer::Load(root).ok());
}

TEST_CASE("a cycle of partials is named, however the include is spaced") {
  for (const char* include : {"{{>sections/apology}}", "{{> sections/apology }}",
                              "{{>\tsections/apology\n}}"}) {
    CAPTURE(include);
    fs::path root = CopyOfEnglish();
    parting::testing::WriteFile(root / "en" / "sections" / "apology.mustache",
                                std::string("Sorry. ") + include + "\n");
    auto composer = Composer::Load(root);
    REQUIRE_FALSE(composer.ok());
    CHECK(composer.status().message().find("includes itself through its partials") !=
          std::string::npos);
  }
}

TEST_CASE("no language folder with templates fails Load") {
  fs::path root = parting::testing::TempDir("compose_empty");
  fs::create_directories(root / "pt" / "samples");
  CHECK(Composer::Load(root).status().code() == StatusCode::kNotFound);
}

TEST_CASE("the README documents every context key") {
  std::string readme =
      parting::testing::ReadFile(parting::testing::SourceDir() / "letter_templates" / "README.md");
  for (const KeySpec& key : ContextKeys()) {
    CAPTURE(key.path);
    CHECK(readme.find("`" + std::string(key.path) + "`") != std::string::npos);
  }
}

}  // namespace
}  // namespace parting::compose
