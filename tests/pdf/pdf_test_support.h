// Helpers shared by the PDF stage's tests.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "parting/engine.h"
#include "pdf/sign.h"
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

/// A signer with a throw-away self-signed certificate made by openssl.
inline std::shared_ptr<const pdf::Signer> ThrowAwaySigner() {
  const ThrowAwayIdentity id = MakeThrowAwayIdentity("parting-signer-", "rsa:2048", "Test");
  auto signer = pdf::Signer::FromPem(id.certificate, id.key);
  REQUIRE_MESSAGE(signer.ok(), signer.status().ToString());
  return *signer;
}

/// A signature field of 180 x 40 pt at (70, y) on `page` (zero-based).
inline pdf::SignatureField FieldAt(int page, double y, const std::string& name) {
  pdf::SignatureField field;
  field.page = page;
  field.x = 70;
  field.y = y;
  field.width = 180;
  field.height = 40;
  field.name = name;
  field.reason = "Test";
  field.time = 1795000000;
  return field;
}

}  // namespace parting::testing
