// ZipWriter round trips through Poco's ZIP reader and Info-ZIP's unzip
// (batch/zip_writer.h).
#include "batch/zip_writer.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <streambuf>
#include <string>

#include "test_support.h"
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
      {"0001-acme-2026-11-22.pdf", binary},
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

TEST_CASE("ZipWriter: unzip -t accepts the archive, entries in the order added") {
  std::ostringstream out;
  ZipWriter zip(out);
  REQUIRE(zip.Add("0002-b.pdf", std::string(3000, 'b'), {2026, 11, 22}).ok());
  REQUIRE(zip.Add("0001-a.pdf", std::string(3000, 'a'), {2026, 11, 22}).ok());
  REQUIRE(zip.Finish().ok());
  const auto path = testing::TempDir("parting_zip_") / "test.zip";
  testing::WriteFile(path, out.str());
  int status = -1;
  const std::string listing = testing::RunCommand("unzip -Z1 '" + path.string() + "'", &status);
  CHECK(status == 0);
  CHECK(listing.find("0001-a.pdf") != std::string::npos);
  CHECK(listing.find("0002-b.pdf") != std::string::npos);
  testing::RunCommand("unzip -tq '" + path.string() + "' >/dev/null", &status);
  CHECK(status == 0);
  CHECK(out.str().find("0002-b.pdf") < out.str().find("0001-a.pdf"));  // local entries as added
  std::filesystem::remove_all(path.parent_path());
}

TEST_CASE("ZipWriter: a stream that fails midway is reported at once") {
  // Takes 100 bytes, then fails, like a client that went away.
  struct Failing : std::streambuf {
    std::size_t left = 100;
    int_type overflow(int_type c) override {
      if (left == 0) return traits_type::eof();
      --left;
      return c;
    }
  } buffer;
  std::ostream out(&buffer);
  std::string noise(20000, '\0');
  unsigned state = 1;
  for (char& c : noise) c = static_cast<char>((state = state * 1103515245 + 12345) >> 16);
  ZipWriter zip(out);
  CHECK_FALSE(zip.Add("a.pdf", noise, {2026, 1, 1}).ok());
  CHECK(zip.size() <= 100);
  CHECK_FALSE(zip.Add("b.pdf", "b", {2026, 1, 1}).ok());
  CHECK_FALSE(zip.Finish().ok());
}

TEST_CASE("ZipWriter: a failing stream is reported") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  ZipWriter zip(out);
  CHECK_FALSE(zip.Add("a.txt", "hello", {2026, 1, 1}).ok());
}

}  // namespace parting::batch
