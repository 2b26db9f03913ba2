// The render fuzzer's stand-in for engine/pdf/sign.cc. The fuzz build
// (clang 14) cannot compile qpdf 11's headers, which sign.cc reads a PDF
// with, and the fuzzer cannot reach signing anyway: its engine has no
// signing certificate, so a request asking for `options.sign` is refused
// (422 at /options/sign) before anything is rendered. Every entry point here
// says so, should that ever change.
#include "pdf/sign.h"

namespace parting::pdf {

struct Signer::Keys {};

Signer::Signer(std::unique_ptr<Keys> keys) : keys_(std::move(keys)) {}
Signer::~Signer() = default;

namespace {
Status NotInThisBuild() { return Status::Internal("signing is not part of the fuzz build"); }
}  // namespace

Result<std::shared_ptr<const Signer>> Signer::FromPem(const std::filesystem::path&,
                                                      const std::filesystem::path&) {
  return NotInThisBuild();
}
Result<std::shared_ptr<const Signer>> Signer::FromPkcs12(const std::filesystem::path&,
                                                         const std::string&) {
  return NotInThisBuild();
}
Result<std::string> Signer::SignDetached(std::string_view, std::string_view) const {
  return NotInThisBuild();
}
Result<std::string> SignPdf(std::string_view, const Signer&, const SignatureField&) {
  return NotInThisBuild();
}

}  // namespace parting::pdf
