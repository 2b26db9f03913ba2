// FramingProblem(): which header combinations frame a request ambiguously.
#include "server/framing.h"

#include <doctest/doctest.h>

namespace parting::server {
namespace {

Poco::Net::NameValueCollection Headers(
    std::initializer_list<std::pair<const char*, const char*>> fields) {
  Poco::Net::NameValueCollection headers;
  for (const auto& [name, value] : fields) headers.add(name, value);
  return headers;
}

}  // namespace

TEST_CASE("sound framing passes") {
  CHECK_FALSE(FramingProblem(Headers({})));
  CHECK_FALSE(FramingProblem(Headers({{"Content-Length", "42"}})));
  CHECK_FALSE(FramingProblem(Headers({{"Content-Length", " 0 "}})));
  CHECK_FALSE(FramingProblem(Headers({{"Transfer-Encoding", "chunked"}})));
  CHECK_FALSE(FramingProblem(Headers({{"transfer-encoding", "Chunked"}})));
}

TEST_CASE("ambiguous framing is named") {
  CHECK(FramingProblem(Headers({{"Content-Length", "5"}, {"Transfer-Encoding", "chunked"}}))
            ->find("both") != std::string::npos);
  CHECK(FramingProblem(Headers({{"content-length", "5"}, {"Content-Length", "6"}}))
            ->find("more than one") != std::string::npos);
  CHECK(FramingProblem(Headers({{"Content-Length", "5"}, {"Content-Length", "5"}})));
  CHECK(FramingProblem(Headers({{"Content-Length", "-1"}})));
  CHECK(FramingProblem(Headers({{"Content-Length", "5, 5"}})));
  CHECK(FramingProblem(Headers({{"Content-Length", ""}})));
  CHECK(FramingProblem(Headers({{"Content-Length", "99999999999999999999"}})));
  CHECK(FramingProblem(Headers({{"Transfer-Encoding", "gzip, chunked"}})));
  CHECK(FramingProblem(Headers({{"Transfer-Encoding", "identity"}})));
  CHECK(FramingProblem(
      Headers({{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}})));
}

}  // namespace parting::server
