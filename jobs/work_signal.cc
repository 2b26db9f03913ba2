#include "jobs/work_signal.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>

#include "server/access_log.h"

namespace parting::jobs {
namespace {

constexpr int kFirstBackoffMs = 200;
constexpr int kMaxBackoffMs = 5000;
// A server that vanished without closing the connection (a cut cable) is
// noticed by TCP keepalive within about 20 s instead of hours.
constexpr char kKeepalive[] =
    " keepalives=1 keepalives_idle=10 keepalives_interval=5 keepalives_count=2";

std::string FirstLine(const char* text) {
  std::string line = text ? text : "";
  line = line.substr(0, line.find('\n'));
  return line;
}

}  // namespace

WorkSignal::WorkSignal(std::string listen_connection, std::string sqlite_file)
    : listen_connection_(std::move(listen_connection)), sqlite_file_(std::move(sqlite_file)) {}

WorkSignal::~WorkSignal() {
  stopping_ = true;
  {
    std::lock_guard lock(mutex_);
    stop_.notify_all();
  }
  if (stop_fd_ >= 0) {
    const std::uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = write(stop_fd_, &one, sizeof one);
  }
  if (thread_.joinable()) thread_.join();
  if (stop_fd_ >= 0) close(stop_fd_);
}

int WorkSignal::Add(std::function<void()> listener) {
  std::lock_guard lock(mutex_);
  const int handle = next_handle_++;
  listeners_.emplace(handle, std::move(listener));
  if ((!listen_connection_.empty() || !sqlite_file_.empty()) && !thread_.joinable()) {
    stop_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (listen_connection_.empty()) {
      thread_ = std::thread([this] { WatchLog(); });
    } else {
      thread_ = std::thread([this] { Listen(); });
    }
  }
  return handle;
}

void WorkSignal::Remove(int handle) {
  std::lock_guard lock(mutex_);
  listeners_.erase(handle);
}

void WorkSignal::Notify() const {
  // Under the lock, so that a listener removed (its worker being destroyed)
  // is never called afterwards. Listeners are short (JobWorker::Wake).
  std::lock_guard lock(mutex_);
  for (const auto& [handle, listener] : listeners_) listener();
}

bool WorkSignal::Pause(int ms) {
  std::unique_lock lock(mutex_);
  stop_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping_.load(); });
  return !stopping_;
}

void WorkSignal::WatchLog() {
  const std::filesystem::path file(sqlite_file_);
  const std::filesystem::path folder = file.has_parent_path() ? file.parent_path() : ".";
  const std::string log_name = file.filename().string() + "-wal";
  const int watch = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  // The folder, not the file: the log is deleted and made again as
  // connections come and go.
  if (watch < 0 || inotify_add_watch(watch, folder.c_str(), IN_MODIFY | IN_CREATE) < 0) {
    server::LogServerMessage(
        "jobs: cannot watch " + folder.string() + " for other processes' jobs (polling instead)",
        "warning");
    if (watch >= 0) close(watch);
    return;
  }
  alignas(inotify_event) char events[4096];
  while (!stopping_) {
    pollfd fds[2] = {{watch, POLLIN, 0}, {stop_fd_, POLLIN, 0}};
    const int ready = poll(fds, 2, -1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0 || fds[1].revents != 0) break;
    bool written = false;
    for (ssize_t length; (length = read(watch, events, sizeof events)) > 0;) {
      for (char* at = events; at < events + length;) {
        const auto* event = reinterpret_cast<const inotify_event*>(at);
        if (event->len > 0 && log_name == event->name) written = true;
        at += sizeof(inotify_event) + event->len;
      }
    }
    if (written) Notify();
  }
  close(watch);
}

void WorkSignal::Listen() {
  const std::string conninfo = listen_connection_ + kKeepalive;
  const std::string listen = "LISTEN " + std::string(kWorkChannel);
  int backoff = kFirstBackoffMs;
  bool reported = false;  // one log line per outage, not one per attempt
  while (!stopping_) {
    PGconn* connection = PQconnectdb(conninfo.c_str());
    bool listening = PQstatus(connection) == CONNECTION_OK;
    if (listening) {
      PGresult* result = PQexec(connection, listen.c_str());
      listening = PQresultStatus(result) == PGRES_COMMAND_OK;
      PQclear(result);
    }
    if (!listening) {
      if (!reported)
        server::LogServerMessage("jobs: cannot listen for new work (polling meanwhile): " +
                                     FirstLine(PQerrorMessage(connection)),
                                 "warning");
      reported = true;
      PQfinish(connection);
      if (!Pause(backoff)) return;
      backoff = std::min(backoff * 2, kMaxBackoffMs);
      continue;
    }
    if (reported) server::LogServerMessage("jobs: listening for new work again");
    reported = false;
    backoff = kFirstBackoffMs;
    Notify();  // what arrived while nobody listened
    while (!stopping_) {
      pollfd fds[2] = {{PQsocket(connection), POLLIN, 0}, {stop_fd_, POLLIN, 0}};
      const int ready = poll(fds, 2, -1);  // no timeout: asleep until something happens
      if (ready < 0 && errno == EINTR) continue;
      if (ready < 0 || fds[1].revents != 0) break;
      if (PQconsumeInput(connection) == 0) break;  // the connection is gone
      bool arrived = false;
      while (PGnotify* notification = PQnotifies(connection)) {
        arrived = true;
        PQfreemem(notification);
      }
      if (arrived) Notify();
      if (PQstatus(connection) != CONNECTION_OK) break;
    }
    PQfinish(connection);
  }
}

}  // namespace parting::jobs
