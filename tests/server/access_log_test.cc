#include "server/access_log.h"

#include <doctest/doctest.h>

namespace parting::server {
namespace {

TEST_CASE("an access line holds method, route, status, duration and sizes") {
  CHECK(FormatAccessLine({"POST", "/v1/letters", 200, 412.34, 1520, 48211}) ==
        "POST /v1/letters 200 412.3ms in=1520 out=48211");
  CHECK(FormatAccessLine({"GET", "/*", 404, 0.04, 0, 120}) == "GET /* 404 0.0ms in=0 out=120");
}

}  // namespace
}  // namespace parting::server
