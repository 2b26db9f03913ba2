#include "request/spelling.h"

#include <doctest/doctest.h>

#include <string>

namespace parting::request {
namespace {

TEST_CASE("EditDistance counts a swap of neighbours as one edit") {
  CHECK(EditDistance("", "") == 0);
  CHECK(EditDistance("unit", "unit") == 0);
  CHECK(EditDistance("unit", "units") == 1);
  CHECK(EditDistance("langauge", "language") == 1);
  CHECK(EditDistance("notice_perod", "notice_period") == 1);
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("", "abc") == 3);
}

TEST_CASE("ClosestName suggests only near names") {
  const std::vector<std::string_view> names = {"paper", "draft", "apology"};
  CHECK(ClosestName("papr", names) == std::optional<std::string_view>("paper"));
  CHECK(ClosestName("drafts", names) == std::optional<std::string_view>("draft"));
  CHECK_FALSE(ClosestName("colour", names));
  CHECK_FALSE(ClosestName("x", {"y"}));  // one letter is no typo of another
  CHECK_FALSE(ClosestName(std::string(100, 'a'), names));
}

}  // namespace
}  // namespace parting::request
