#include "server/request_body.h"

#include <doctest/doctest.h>

#include <sstream>

namespace parting::server {
namespace {

TEST_CASE("JSON content types") {
  SUBCASE("accepted") {
    for (const char* type :
         {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
          "application/json ; charset=\"utf-8\"", "application/json; charset=utf8"}) {
      CAPTURE(type);
      CHECK(IsJsonContentType(type));
    }
  }
  SUBCASE("refused") {
    for (const char* type :
         {"", "text/plain", "application/x-www-form-urlencoded", "application/jsonx",
          "application/json; charset=latin1", "application/json; charset=utf-16", "text/json",
          "application/json; x"}) {
      CAPTURE(type);
      CHECK_FALSE(IsJsonContentType(type));
    }
  }
}

TEST_CASE("a declared length over the limit is refused before reading") {
  CHECK(DeclaredLengthExceeds(1025, 1024));
  CHECK_FALSE(DeclaredLengthExceeds(1024, 1024));
  CHECK_FALSE(DeclaredLengthExceeds(std::nullopt, 1024));
  CHECK_FALSE(DeclaredLengthExceeds(0, 1024));
}

TEST_CASE("bodies are read up to the limit and no further") {
  SUBCASE("within the limit") {
    std::istringstream in(std::string(1024, 'x'));
    const auto body = ReadAtMost(in, 1024);
    REQUIRE(body);
    CHECK(body->size() == 1024);
  }
  SUBCASE("one byte over") {
    std::istringstream in(std::string(1025, 'x'));
    CHECK_FALSE(ReadAtMost(in, 1024));
  }
  SUBCASE("far over: reading stops at limit + 1") {
    std::istringstream in(std::string(100000, 'x'));
    CHECK_FALSE(ReadAtMost(in, 10));
    CHECK(in.tellg() == 11);
  }
  SUBCASE("larger than the read buffer but within the limit") {
    std::istringstream in(std::string(50000, 'y'));
    const auto body = ReadAtMost(in, 50000);
    REQUIRE(body);
    CHECK(body->size() == 50000);
  }
  SUBCASE("empty") {
    std::istringstream in("");
    const auto body = ReadAtMost(in, 10);
    REQUIRE(body);
    CHECK(body->empty());
  }
}

}  // namespace
}  // namespace parting::server
