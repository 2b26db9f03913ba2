// A full disk under the SQLite store: the item whose letter cannot be
// stored fails (with a reason in the manifest), the service keeps
// answering, and the other items wait, unharmed, until there is room again.
// Needs a small tmpfs (mount, as root); says so and checks nothing more
// when the machine does not allow mounting.
#include <doctest/doctest.h>
#include <sys/mount.h>

#include "jobs/job_client.h"
#include "jobs/store_fixture.h"

namespace parting::testing {
namespace {

class SmallDisk {
 public:
  explicit SmallDisk(const std::string& size) : dir_(TempDir("parting_full_")) {
    mounted_ = mount("tmpfs", dir_.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) umount2(dir_.c_str(), MNT_DETACH);
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  bool mounted() const { return mounted_; }
  bool Grow(const std::string& size) {
    return mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT, ("size=" + size).c_str()) == 0;
  }
  const std::filesystem::path& path() const { return dir_; }

 private:
  std::filesystem::path dir_;
  bool mounted_ = false;
};

TEST_CASE("a full disk fails the item, not the service") {
  SmallDisk disk("1536k");
  if (!disk.mounted()) {
    WARN_MESSAGE(false, "cannot mount a tmpfs here (not root?): the full-disk test did not run");
    return;
  }
  ServerProcess server({"--data-dir", disk.path().string(), "--job-lease-ms", "2000"});
  REQUIRE_MESSAGE(server.running(), server.Log());
  const auto port = server.port();
  constexpr int kLetters = 80;  // ~35 KB each: far more than 1.5 MB
  const HttpResult created = Call(port, "POST", "/v1/jobs", BatchBody(kLetters));
  REQUIRE_MESSAGE(created.status == 202, created.body);
  const std::string id = Json(created.body)->getValue<std::string>("id");

  auto totals = [&] { return Json(Call(port, "GET", "/v1/jobs/" + id).body)->getObject("totals"); };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  // The disk fills: the item in hand fails, or, when the database cannot
  // even record that, stays pending for a later attempt. Either way the
  // service keeps answering.
  while (totals()->getValue<int>("failed") == 0 &&
         server.Log().find("cannot be stored") == std::string::npos) {
    REQUIRE_MESSAGE(std::chrono::steady_clock::now() < deadline, server.Log());
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  CHECK(Call(port, "GET", "/healthz").status == 200);
  CHECK(Call(port, "GET", "/v1/jobs/" + id).status == 200);
  CHECK(totals()->getValue<int>("pending") > 0);  // waiting, not lost

  REQUIRE(disk.Grow("64m"));
  auto job = WaitForJob(port, id);
  CHECK(job->getValue<std::string>("status") == "done");
  const int failed = job->getObject("totals")->getValue<int>("failed");
  // Nothing lost: every letter is stored, or failed with its reason.
  CHECK(job->getObject("totals")->getValue<int>("ok") + failed == kLetters);
  const std::string manifest = Call(port, "GET", "/v1/jobs/" + id + "/manifest").body;
  if (failed > 0) CHECK(manifest.find("could not be stored") != std::string::npos);
}

}  // namespace
}  // namespace parting::testing
