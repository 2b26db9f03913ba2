// WorkSignal: wakes a process's idle job workers when work may have arrived,
// so that they need not poll the store. Listeners (JobWorker::Wake) are
// called at once for changes made in this process (JobStore calls Notify()
// after its commits), and, on PostgreSQL, for every process's changes: a
// thread of its own holds one libpq connection that LISTENs on the channel
// the store NOTIFYs (kWorkChannel), and calls the listeners for each
// notification and after each (re)connection. Poco::Data's PostgreSQL
// connector has no notification API, hence libpq here.
//
// On SQLite, other processes writing the same file (`parting worker
// --data-dir` beside `parting serve --no-worker`) are noticed through
// inotify: every commit appends to the database's write-ahead log
// ("jobs.sqlite-wal"), and a thread of its own calls the listeners when that
// file is written. (A read or a claim that finds nothing writes nothing, so
// idle workers do not wake each other.)
//
// When the database goes away, the listening thread reconnects with a
// backoff (0.2 s doubling to 5 s) and, once back, calls the listeners, since
// notifications sent meanwhile are lost. Workers keep a slow poll besides
// (--job-poll-ms), so a lost notification delays work, never strands it.
//
//   WorkSignal signal("host=127.0.0.1 port=5432 dbname=parting");
//   int handle = signal.Add([&] { worker.Wake(); });  // starts listening
//   signal.Notify();                                   // after a commit
//   signal.Remove(handle);
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace parting::jobs {

/// The PostgreSQL channel that job stores NOTIFY and listening workers LISTEN on.
inline constexpr std::string_view kWorkChannel = "parting_work";

class WorkSignal {
 public:
  /// `listen_connection`: libpq's "key=value …" for the LISTEN connection
  /// (PostgreSQL); else `sqlite_file`: the database whose write-ahead log
  /// is watched. Both "": this process only.
  WorkSignal(std::string listen_connection, std::string sqlite_file);
  ~WorkSignal();  ///< stops listening
  WorkSignal(const WorkSignal&) = delete;
  WorkSignal& operator=(const WorkSignal&) = delete;

  /// Adds a listener; the first one starts the listening thread.
  int Add(std::function<void()> listener);
  void Remove(int handle);
  /// Calls every listener (on the caller's thread); once Remove() has
  /// returned, that listener is not called any more.
  void Notify() const;

 private:
  void Listen();
  void WatchLog();
  /// Waits `ms` or until Stop; false when stopping.
  bool Pause(int ms);

  std::string listen_connection_;
  std::string sqlite_file_;
  mutable std::mutex mutex_;
  std::map<int, std::function<void()>> listeners_;
  int next_handle_ = 1;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::condition_variable stop_;
  int stop_fd_ = -1;  ///< an eventfd that ends the listening thread's poll()
};

}  // namespace parting::jobs
