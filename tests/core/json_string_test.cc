// The one JSON string writer escapes exactly as the hand-written one it
// replaced did, so that canonical requests (and their fingerprints) keep
// their bytes, and it never writes a document that does not parse.
#include "core/json_string.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace parting {
namespace {

std::string Quoted(std::string_view text) {
  std::string out = "x";
  AppendJsonString(out, text);
  return out.substr(1);  // appends, never replaces
}

TEST_CASE("JSON strings: the escapes of the canonical request") {
  CHECK(Quoted("") == R"("")");
  CHECK(Quoted("a\"b\\c/d") == R"("a\"b\\c/d")");
  CHECK(Quoted("\b\f\n\r\t") == R"("\b\f\n\r\t")");
  CHECK(Quoted(std::string_view("\0\x01\x1f", 3)) == R"("\u0000\u0001\u001f")");
  CHECK(Quoted("\x7f") == "\"\x7f\"");
  CHECK(Quoted("Müller ‘ä’ สวัสดี 😀 </script>") == "\"Müller ‘ä’ สวัสดี 😀 </script>\"");
}

TEST_CASE("JSON strings: invalid UTF-8 becomes U+FFFD") {
  CHECK(Quoted("\xff bad") == "\"\xEF\xBF\xBD bad\"");
  CHECK(Quoted("\xC3") == "\"\xEF\xBF\xBD\"");  // truncated sequence
  CHECK(Quoted("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
}

}  // namespace
}  // namespace parting
