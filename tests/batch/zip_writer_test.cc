// ZipWriter round trips through Poco's ZIP reader (batch/zip_writer.h).
#include "batch/zip_writer.h"

#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>

#include "unzip.h"

namespace parting::batch {
namespace {

std::string Zip(const std::map<std::string, std::string>& files, Date date = {2026, 11, 22}) {
  std::ostringstream out;
  ZipWriter zip(out);
  for (const auto& [name, bytes] : files) REQUIRE(zip.Add(name, bytes, date).ok());
  REQUIRE(zip.Finish().ok());
  CHECK(zip.size() == out.str().size());
  return out.str();
}

}  // namespace

TEST_CASE("ZipWriter: what goes in comes out") {
  std::string binary;
  for (int i = 0; i < 70000; ++i) binary += static_cast<char>((i * 7919) % 256);
  const std::map<std::string, std::string> files = {
      {"0001-acme-2026-11-22.pdf", binary},                     // stored: incompressible
      {"manifest.json", std::string(5000, 'x') + "{\"a\":1}"},  // deflated
      {"empty.txt", ""},
  };
  const std::string archive = Zip(files);
  CHECK(archive.size() < binary.size() + 2000);  // the repetitive file shrank
  CHECK(Unzip(archive) == files);
}

TEST_CASE("ZipWriter: the same entries give the same bytes") {
  const std::map<std::string, std::string> files = {{"a.txt", "hello"}, {"b.txt", "world"}};
  CHECK(Zip(files) == Zip(files));
  CHECK(Zip(files) != Zip(files, {2026, 11, 23}));
  // Years ZIP cannot hold are written as 1980-01-01 rather than wrapping.
  CHECK(Zip(files, {1970, 1, 1}) == Zip(files, {1980, 1, 1}));
}

TEST_CASE("ZipWriter: a failing stream is reported") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  ZipWriter zip(out);
  CHECK_FALSE(zip.Add("a.txt", "hello", {2026, 1, 1}).ok());
}

}  // namespace parting::batch
