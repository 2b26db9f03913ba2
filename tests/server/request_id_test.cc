// X-Request-Id: a client's sane id is kept, anything else is replaced.
#include "server/request_id.h"

#include <doctest/doctest.h>

#include <string>

namespace parting::server {

TEST_CASE("a sane request id is taken as it is") {
  CHECK(RequestIdFor("b7e2c1f0-1d3a-4a8e-9f1e-0c2d3e4f5a6b") ==
        "b7e2c1f0-1d3a-4a8e-9f1e-0c2d3e4f5a6b");
  CHECK(RequestIdFor("req_42.a:b") == "req_42.a:b");
  CHECK(IsAcceptableRequestId(std::string(64, 'a')));
}

TEST_CASE("an absent, long or unsafe request id is replaced by a new one") {
  for (const std::string offered :
       {std::string(), std::string(65, 'a'), std::string("a b"), std::string("x\r\nSet-Cookie: y"),
        std::string("\"quoted\""), std::string("ümlaut"), std::string("{\"json\":1}")}) {
    CAPTURE(offered);
    const std::string id = RequestIdFor(offered);
    CHECK(id != offered);
    CHECK(id.size() == 32);
    CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
  }
  CHECK(NewRequestId() != NewRequestId());
}

}  // namespace parting::server
