// ApiKeys: the optional keys that guard the /v1/ routes.
//
// Keys come from a file (one per line; blank lines and lines starting with
// '#' are skipped; surrounding spaces trimmed) and/or a comma-separated list
// (PARTING_API_KEYS). With no key configured every request is let through.
// A client presents a key as `Authorization: Bearer KEY` or `X-API-Key: KEY`.
// Keys are kept only as SHA-256 digests and compared in constant time, so
// neither the time of a refusal nor a memory dump tells a key. Immutable
// after loading; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parting/status.h"

namespace parting::server {

class ApiKeys {
 public:
  ApiKeys() = default;

  /// Keys from the text of a key file, added to these.
  void AddFileText(std::string_view text);
  /// Keys from a comma-separated list, added to these.
  void AddList(std::string_view list);
  /// Keys from a file; kNotFound when it cannot be read or holds no key (an
  /// empty key file is a mistake, not a wish for no protection).
  Status AddFile(const std::filesystem::path& file);

  bool enabled() const { return !digests_.empty(); }
  std::size_t size() const { return digests_.size(); }

  /// True when `presented` is one of the keys. Checks every key, in time
  /// that depends on neither the keys nor `presented`.
  bool Accepts(std::string_view presented) const;

  /// The key a request presents in its headers' values, or nullopt:
  /// `authorization` must be "Bearer KEY" (scheme case-insensitive).
  static std::optional<std::string_view> Presented(std::string_view authorization,
                                                   std::string_view x_api_key);

 private:
  using Digest = std::array<std::uint8_t, 32>;
  static Digest DigestOf(std::string_view key);
  void Add(std::string_view key);

  std::vector<Digest> digests_;
};

}  // namespace parting::server
