#include "parting/resource_root.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace parting::server {
namespace {

TEST_CASE("an explicit root is used as given, or refused") {
  SUBCASE("the source tree is a resource root") {
    const auto root = FindResourceRoot(parting::testing::SourceDir());
    REQUIRE(root.ok());
    CHECK(*root == parting::testing::SourceDir());
  }
  SUBCASE("a folder without letter_templates/ is refused, not searched around") {
    const auto empty = parting::testing::TempDir("parting_root_");
    const auto root = FindResourceRoot(empty);
    CHECK_FALSE(root.ok());
    CHECK(root.status().code() == StatusCode::kNotFound);
    CHECK(root.status().message().find(empty.string()) != std::string::npos);
    std::filesystem::remove_all(empty);
  }
}

TEST_CASE("without a root the folders around the test binary are searched") {
  // The test binary lives in a build folder inside the source tree.
  const auto root = FindResourceRoot(std::nullopt);
  REQUIRE(root.ok());
  CHECK(IsResourceRoot(*root));
}

}  // namespace
}  // namespace parting::server
