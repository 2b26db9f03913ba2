#include "server/api_keys.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.h"

namespace parting::server {
namespace {

TEST_CASE("no key configured: protection is off") {
  const ApiKeys keys;
  CHECK_FALSE(keys.enabled());
  CHECK_FALSE(keys.Accepts(""));
}

TEST_CASE("a key file: one key per line, comments and blank lines skipped, spaces trimmed") {
  ApiKeys keys;
  keys.AddFileText("# service keys\n\n  alpha-key-1  \r\nbeta-key-2\n#gamma-commented\n");
  CHECK(keys.size() == 2);
  CHECK(keys.Accepts("alpha-key-1"));
  CHECK(keys.Accepts("beta-key-2"));
  CHECK_FALSE(keys.Accepts("gamma-commented"));
  CHECK_FALSE(keys.Accepts("alpha-key"));
  CHECK_FALSE(keys.Accepts("alpha-key-12"));
  CHECK_FALSE(keys.Accepts(""));
}

TEST_CASE("a comma-separated list adds to the file's keys") {
  ApiKeys keys;
  keys.AddFileText("from-file\n");
  keys.AddList(" one, two ,,");
  CHECK(keys.size() == 3);
  for (const char* key : {"from-file", "one", "two"}) {
    CAPTURE(key);
    CHECK(keys.Accepts(key));
  }
}

TEST_CASE("a key file that cannot be read or holds no key is an error") {
  const auto folder = testing::TempDir("parting_keys_");
  ApiKeys keys;
  CHECK(keys.AddFile(folder / "missing").code() == StatusCode::kNotFound);
  testing::WriteFile(folder / "empty", "# nothing here\n\n");
  CHECK_FALSE(keys.AddFile(folder / "empty").ok());
  testing::WriteFile(folder / "keys", "k1\n");
  CHECK(keys.AddFile(folder / "keys").ok());
  CHECK(keys.Accepts("k1"));
  std::filesystem::remove_all(folder);
}

TEST_CASE("a key is presented as a Bearer token or in X-API-Key") {
  CHECK(ApiKeys::Presented("Bearer abc", "") == "abc");
  CHECK(ApiKeys::Presented("bearer   abc ", "") == "abc");
  CHECK(ApiKeys::Presented("", " xyz ") == "xyz");
  CHECK(ApiKeys::Presented("Bearer abc", "xyz") == "abc");
  CHECK(ApiKeys::Presented("Basic dXNlcjpwYXNz", "xyz") == "xyz");
  CHECK_FALSE(ApiKeys::Presented("Basic dXNlcjpwYXNz", ""));
  CHECK_FALSE(ApiKeys::Presented("Bearer ", ""));
  CHECK_FALSE(ApiKeys::Presented("", ""));
}

}  // namespace
}  // namespace parting::server
