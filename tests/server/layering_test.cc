// The command line reaches the service only through its public headers
// (server/include/parting/): no file of cli/ includes a server/ header, so
// batch production and the letter commands stay independent of the HTTP
// service's internals (issue 9).
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "test_support.h"

namespace {

TEST_CASE("no file of cli/ includes a server/ header") {
  const std::filesystem::path cli = parting::testing::SourceDir() / "cli";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(cli)) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".cc") && !name.ends_with(".h")) continue;
    ++files;
    CAPTURE(name);
    CHECK(parting::testing::ReadFile(entry.path()).find("#include \"server/") == std::string::npos);
  }
  CHECK(files >= 8);
}

}  // namespace
