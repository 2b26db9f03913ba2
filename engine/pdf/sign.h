// Signing: a PAdES baseline B-B signature on a finished PDF.
//
// SignPdf() appends an incremental update to a PDF that the PDF stage wrote:
// the catalog gains an AcroForm with one signature field, whose widget sits on
// the page where the letter is signed, and a signature dictionary whose
// /Contents holds a detached CMS signature (SHA-256, with the
// signing-certificate-v2 attribute and no signing-time attribute: PAdES puts
// the claimed time in /M) over every byte of the file but /Contents itself.
// The letter's own bytes stay as they were, in front of the update.
//
// A Signer holds one certificate, its private key and any intermediate
// certificates, read once from PEM files or a PKCS#12 file; it is immutable
// and safe to use from many threads.
#pragma once

#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "parting/status.h"

namespace parting::pdf {

class Signer {
 public:
  /// The certificate (PEM, optionally followed by intermediate certificates)
  /// and its private key (PEM, unencrypted). NotFound, with the flag's name
  /// (--signing-cert, --signing-key) in the message, for a file that cannot
  /// be read, holds no certificate or key, or a key that does not belong to
  /// the certificate.
  static Result<std::shared_ptr<const Signer>> FromPem(const std::filesystem::path& certificate,
                                                       const std::filesystem::path& key);
  /// A PKCS#12 file with certificate, key and chain, and its password.
  static Result<std::shared_ptr<const Signer>> FromPkcs12(const std::filesystem::path& file,
                                                          const std::string& password);
  ~Signer();
  Signer(const Signer&) = delete;
  Signer& operator=(const Signer&) = delete;

  /// The certificate's subject common name ("Nordlicht Consulting GmbH").
  const std::string& common_name() const { return common_name_; }

  /// A detached CMS SignedData (DER) over `first` followed by `second`.
  Result<std::string> SignDetached(std::string_view first, std::string_view second) const;

  struct Keys;

 private:
  explicit Signer(std::unique_ptr<Keys> keys);
  std::unique_ptr<Keys> keys_;
  std::string common_name_;
};

/// Where the visible signature goes and what the signature dictionary says.
struct SignatureField {
  int page = 0;  ///< zero-based
  /// The field's box in PageTree coordinates: points, origin top-left.
  double x = 0, y = 0, width = 0, height = 0;
  std::string name;      ///< /Name: who signs
  std::string reason;    ///< /Reason
  std::string location;  ///< /Location, may be empty
  std::time_t time = 0;  ///< /M
};

/// `pdf` with a signature appended. Internal when `pdf` cannot be read, has
/// no such page, or already has a form.
Result<std::string> SignPdf(std::string_view pdf, const Signer& signer,
                            const SignatureField& field);

}  // namespace parting::pdf
