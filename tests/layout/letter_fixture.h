// Sample letters for layout tests: a request's JSON composed into a
// Document with the real templates, and the sample request of a language.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "compose/composer.h"
#include "parting/plan.h"
#include "test_support.h"

namespace parting::testing {

/// The templates, loaded once for all tests.
inline const compose::Composer& SampleComposer() {
  static const auto composer = compose::Composer::Load(SourceDir() / "letter_templates");
  REQUIRE_MESSAGE(composer.ok(), composer.status().ToString());
  return **composer;
}

/// letter_templates/LANGUAGE/samples/full.json.
inline std::string SampleJson(const std::string& language) {
  return ReadFile(SourceDir() / "letter_templates" / language / "samples/full.json");
}

/// The letter for request `json` (dated 22 November 2026 when it has no date).
inline compose::Document ComposeJson(const std::string& json) {
  auto request = ParseLetterRequest(json, Date{2026, 11, 22});
  REQUIRE_MESSAGE(request.ok(), request.status().ToString());
  auto plan = MakePlan(*request);
  REQUIRE(plan.ok());
  auto document = SampleComposer().Compose(*request, *plan);
  REQUIRE_MESSAGE(document.ok(), document.status().ToString());
  return *document;
}

}  // namespace parting::testing
