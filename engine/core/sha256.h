// SHA-256 through OpenSSL (which uses the CPU's SHA instructions where
// there are any): the request fingerprint, the template set's version, the
// PDF's checksum in a batch manifest. Each object hashes one message; the
// functions are thread-safe.
#pragma once

#include <openssl/types.h>

#include <string>
#include <string_view>

namespace parting {

/// A SHA-256 fed piece by piece.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void Update(std::string_view bytes);
  /// The digest of everything given, as 64 lowercase hex digits; ends the
  /// message.
  std::string HexDigest();

 private:
  EVP_MD_CTX* context_;
};

/// SHA-256 of `bytes`, as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace parting
