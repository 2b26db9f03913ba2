// A PostgreSQL server of the tests' own: Debian's postgresql 15 binaries
// (initdb, pg_ctl) run as the `postgres` user (tests run as root), with a
// temporary data folder, listening on 127.0.0.1 only, on a free port. Started
// once per test process on first use and stopped (and deleted) at exit.
// Each test takes a fresh database with NewDatabase().
#pragma once

#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <pwd.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "test_support.h"

namespace parting::testing {

class Postgres {
 public:
  /// The server of this test process, started on first call.
  static Postgres& Instance() {
    static Postgres postgres;
    return postgres;
  }

  /// A new empty database; its postgresql:// URL.
  std::string NewDatabase() {
    static std::atomic<int> counter{0};
    const std::string name =
        "parting_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    Psql("CREATE DATABASE " + name);
    return Url(name);
  }

  std::string Url(const std::string& database) const {
    return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + database;
  }
  int port() const { return port_; }

  /// Runs one SQL statement with psql; its output.
  std::string Psql(const std::string& sql, const std::string& database = "postgres") {
    int status = 0;
    const std::string out =
        RunCommand("runuser -u postgres -- psql -X -q -t -A -h 127.0.0.1 -p " +
                       std::to_string(port_) + " -d " + database + " -c \"" + sql + "\" 2>&1",
                   &status);
    if (status != 0) throw std::runtime_error("psql failed: " + sql + ": " + out);
    return out;
  }

  /// Stops the server (pg_ctl stop -m fast); Start() brings it back on the
  /// same port and data.
  void Stop() { PgCtl("stop -m fast"); }
  void Start() {
    PgCtl("start -w -l " + (dir_ / "log").string() + " -o \"-p " + std::to_string(port_) + " -k " +
          dir_.string() + " -c listen_addresses=127.0.0.1 -c fsync=off\"");
  }

  ~Postgres() {
    try {
      Stop();
    } catch (...) {
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

 private:
  Postgres() {
    dir_ = TempDir("parting_pg_");
    const passwd* user = getpwnam("postgres");
    if (!user) throw std::runtime_error("no postgres user: install Debian's postgresql");
    if (chown(dir_.c_str(), user->pw_uid, user->pw_gid) != 0)
      throw std::runtime_error("cannot hand " + dir_.string() + " to postgres");
    int status = 0;
    const std::string out =
        RunCommand("runuser -u postgres -- " + Bin("initdb") + " -D " + (dir_ / "data").string() +
                       " -U postgres --auth=trust -E UTF8 2>&1",
                   &status);
    if (status != 0) throw std::runtime_error("initdb failed: " + out);
    port_ = FreePort();
    Start();
  }

  static std::string Bin(const std::string& name) { return "/usr/lib/postgresql/15/bin/" + name; }

  static int FreePort() {
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
    return socket.address().port();
  }

  void PgCtl(const std::string& command) {
    int status = 0;
    const std::string out = RunCommand("runuser -u postgres -- " + Bin("pg_ctl") + " -D " +
                                           (dir_ / "data").string() + " " + command + " 2>&1",
                                       &status);
    if (status != 0) throw std::runtime_error("pg_ctl " + command + " failed: " + out);
  }

  std::filesystem::path dir_;
  int port_ = 0;
};

}  // namespace parting::testing
