// Helpers shared by the PDF stage's tests.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "parting/engine.h"
#include "test_support.h"

namespace parting::testing {

/// One engine over the repository's resources, for every test of a binary.
inline std::shared_ptr<const Engine> TheEngine() {
  static auto engine = Engine::Create(Resources::FromRoot(SourceDir()));
  REQUIRE_MESSAGE(engine.ok(), engine.status().ToString());
  return *engine;
}

/// Collapses runs of white space so that text checks do not depend on how
/// pdftotext spaces out justified lines.
inline std::string Squeeze(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return out;
}

}  // namespace parting::testing
