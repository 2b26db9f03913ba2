// Golden page dumps: every sample letter, laid out, compared line by line
// with tests/layout/golden/. A layout change shows up as a readable diff.
// To accept a deliberate change: PARTING_UPDATE_GOLDEN=1 build/tests/layout_tests
#include <doctest/doctest.h>

#include <cstdlib>
#include <sstream>

#include "layout/typesetter.h"
#include "letter_fixture.h"
#include "parting/plan.h"
#include "test_support.h"

using namespace parting;

namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void CheckGolden(const std::string& name, const std::string& dump) {
  const auto path = testing::SourceDir() / "tests/layout/golden" / (name + ".txt");
  if (std::getenv("PARTING_UPDATE_GOLDEN")) {
    std::filesystem::create_directories(path.parent_path());
    testing::WriteFile(path, dump);
    return;
  }
  REQUIRE_MESSAGE(std::filesystem::exists(path), "no golden file " << path.string());
  const auto expected = SplitLines(testing::ReadFile(path));
  const auto actual = SplitLines(dump);
  for (size_t i = 0; i < std::min(expected.size(), actual.size()); ++i) {
    if (expected[i] != actual[i]) {
      FAIL_CHECK(name << ": first difference at line " << i + 1 << "\n  expected: " << expected[i]
                      << "\n  actual:   " << actual[i]);
      return;
    }
  }
  CHECK_MESSAGE(expected.size() == actual.size(), name << ": line count differs");
}

}  // namespace

TEST_CASE("Golden page dumps of the sample letters") {
  auto setter = layout::Typesetter::Load(testing::SourceDir() / "fonts");
  REQUIRE(setter.ok());
  for (const char* language : {"en", "de", "pt", "pl", "th"}) {
    for (bool draft : {false, true}) {
      CAPTURE(language);
      CAPTURE(draft);
      std::string json = testing::SampleJson(language);
      if (draft) json.replace(json.find("\"draft\": false"), 14, "\"draft\": true");
      auto tree = (*setter)->Lay(testing::ComposeJson(json));
      REQUIRE(tree.ok());
      CheckGolden(std::string(language) + (draft ? "-draft" : "-final"), tree->Dump());
    }
  }
}
