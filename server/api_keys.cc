#include "server/api_keys.h"

#include <Poco/SHA2Engine.h>

#include <fstream>
#include <sstream>

namespace parting::server {
namespace {

constexpr std::string_view kSpaces = " \t\r\n";

std::string_view Trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(kSpaces);
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(kSpaces);
  return text.substr(first, last - first + 1);
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

ApiKeys::Digest ApiKeys::DigestOf(std::string_view key) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(key.data(), static_cast<unsigned>(key.size()));
  const Poco::DigestEngine::Digest& bytes = sha.digest();
  Digest digest{};
  for (std::size_t i = 0; i < digest.size() && i < bytes.size(); ++i) digest[i] = bytes[i];
  return digest;
}

void ApiKeys::Add(std::string_view key) {
  key = Trim(key);
  if (!key.empty()) digests_.push_back(DigestOf(key));
}

void ApiKeys::AddFileText(std::string_view text) {
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = Trim(text.substr(0, end));
    if (!line.empty() && line.front() != '#') Add(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

void ApiKeys::AddList(std::string_view list) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    Add(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

Status ApiKeys::AddFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) return Status::NotFound("cannot read the API key file " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  const std::size_t before = digests_.size();
  AddFileText(text.str());
  if (digests_.size() == before)
    return Status::NotFound("the API key file " + file.string() + " holds no key");
  return Status::Ok();
}

bool ApiKeys::Accepts(std::string_view presented) const {
  // Digests have a fixed length whatever the key's, and every key is
  // compared in full: the loop never ends early.
  const Digest digest = DigestOf(presented);
  std::uint8_t any_match = 0;
  for (const Digest& key : digests_) {
    std::uint8_t difference = 0;
    for (std::size_t i = 0; i < key.size(); ++i) difference |= key[i] ^ digest[i];
    any_match |= static_cast<std::uint8_t>(difference == 0);
  }
  return any_match != 0;
}

std::optional<std::string_view> ApiKeys::Presented(std::string_view authorization,
                                                   std::string_view x_api_key) {
  authorization = Trim(authorization);
  constexpr std::string_view kBearer = "bearer ";
  if (authorization.size() > kBearer.size() &&
      EqualsIgnoringCase(authorization.substr(0, kBearer.size()), kBearer)) {
    const std::string_view key = Trim(authorization.substr(kBearer.size()));
    if (!key.empty()) return key;
  }
  x_api_key = Trim(x_api_key);
  if (!x_api_key.empty()) return x_api_key;
  return std::nullopt;
}

}  // namespace parting::server
