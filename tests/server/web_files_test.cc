#include "server/web_files.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace parting::server {
namespace {

using Outcome = WebFileLookup::Outcome;

// A web folder with a page, a file in a subfolder, a dot file, a secret next
// to the folder and symlinks pointing in and out.
struct WebFolder {
  std::filesystem::path base = parting::testing::TempDir("parting_web_");
  std::filesystem::path web = base / "web";
  WebFolder() {
    std::filesystem::create_directories(web / "img");
    parting::testing::WriteFile(web / "index.html", "<!doctype html>");
    parting::testing::WriteFile(web / "img" / "logo.svg", "<svg/>");
    parting::testing::WriteFile(web / ".env", "SECRET=1");
    parting::testing::WriteFile(base / "secret.txt", "secret");
    std::filesystem::create_symlink(base / "secret.txt", web / "out.txt");
    std::filesystem::create_symlink(web / "index.html", web / "in.html");
    web = std::filesystem::canonical(web);
  }
  ~WebFolder() { std::filesystem::remove_all(base); }
};

TEST_CASE("web files inside the folder are found") {
  WebFolder folder;
  CHECK(LookUpWebFile(folder.web, "/").file == folder.web / "index.html");
  CHECK(LookUpWebFile(folder.web, "/index.html").outcome == Outcome::kFound);
  CHECK(LookUpWebFile(folder.web, "/img/logo.svg").file == folder.web / "img" / "logo.svg");
  CHECK(LookUpWebFile(folder.web, "/in.html").outcome == Outcome::kFound);
}

TEST_CASE("nothing outside the web folder is ever named") {
  WebFolder folder;
  SUBCASE("dot segments are malformed") {
    for (const char* path : {"/../secret.txt", "/img/../../secret.txt", "/./index.html", "/..",
                             "/img/..", "/../../../../etc/passwd"}) {
      CAPTURE(path);
      CHECK(LookUpWebFile(folder.web, path).outcome == Outcome::kMalformed);
    }
  }
  SUBCASE("backslashes, NUL bytes and relative paths are malformed") {
    CHECK(LookUpWebFile(folder.web, "/..\\secret.txt").outcome == Outcome::kMalformed);
    CHECK(LookUpWebFile(folder.web, std::string_view("/index.html\0.txt", 16)).outcome ==
          Outcome::kMalformed);
    CHECK(LookUpWebFile(folder.web, "index.html").outcome == Outcome::kMalformed);
    CHECK(LookUpWebFile(folder.web, "").outcome == Outcome::kMalformed);
  }
  SUBCASE("a symlink out of the folder is not found") {
    CHECK(LookUpWebFile(folder.web, "/out.txt").outcome == Outcome::kNotFound);
  }
  SUBCASE("absolute paths stay below the folder") {
    CHECK(LookUpWebFile(folder.web, "//etc/passwd").outcome == Outcome::kNotFound);
    CHECK(LookUpWebFile(folder.web, "/etc/passwd").outcome == Outcome::kNotFound);
  }
  SUBCASE("dot files, folders and missing files are not found") {
    CHECK(LookUpWebFile(folder.web, "/.env").outcome == Outcome::kNotFound);
    CHECK(LookUpWebFile(folder.web, "/img").outcome == Outcome::kNotFound);
    CHECK(LookUpWebFile(folder.web, "/img/").outcome == Outcome::kNotFound);
    CHECK(LookUpWebFile(folder.web, "/missing.js").outcome == Outcome::kNotFound);
  }
}

TEST_CASE("web files get their content type") {
  CHECK(WebContentType("index.html") == "text/html; charset=utf-8");
  CHECK(WebContentType("app.js") == "text/javascript; charset=utf-8");
  CHECK(WebContentType("style.css") == "text/css; charset=utf-8");
  CHECK(WebContentType("logo.svg") == "image/svg+xml");
  CHECK(WebContentType("README") == "application/octet-stream");
}

}  // namespace
}  // namespace parting::server
