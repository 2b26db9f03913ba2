// ConnectionGuard: keeps slow clients from holding every connection thread.
//
// Poco's HTTP server gives each connection a thread for as long as it lives,
// and its socket timeout only bounds the wait for the next byte: a client
// that sends its request head or body a byte at a time (slowloris) keeps a
// thread indefinitely, and a few dozen such clients leave none for anyone
// else. The guard tracks, per connection, whether the server is waiting for
// the client (head, body, next keep-alive request) or working (a handler that
// has its whole request). A watchdog thread closes connections that have
// been waiting too long:
//   - any connection waiting for one request for longer than `max_wait`;
//   - while connections are queued for a thread, the longest-waiting
//     connections that have waited at least `grace`, one per queued
//     connection, so that a waiting client gets a thread within about
//     `grace` however many slow clients there are.
// Working connections are never closed. Thread-safe.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace parting::server {

/// A connection as the eviction policy sees it.
struct WaitingConnection {
  std::uint64_t id = 0;
  std::chrono::steady_clock::duration waited{};  ///< in the current wait
};

/// The policy, on its own: which of the connections the server is waiting
/// for to close now, given how many connections are queued for a thread.
/// Longest waits first.
std::vector<std::uint64_t> ConnectionsToClose(std::vector<WaitingConnection> waiting,
                                              std::size_t queued,
                                              std::chrono::steady_clock::duration grace,
                                              std::chrono::steady_clock::duration max_wait);

class ConnectionGuard {
 public:
  struct Limits {
    std::chrono::milliseconds grace{500};
    std::chrono::milliseconds max_wait{60000};
    std::chrono::milliseconds check_every{100};
  };

  /// `queued` tells how many accepted connections wait for a thread.
  ConnectionGuard(Limits limits, std::function<std::size_t()> queued);
  ~ConnectionGuard();  ///< stops the watchdog
  ConnectionGuard(const ConnectionGuard&) = delete;
  ConnectionGuard& operator=(const ConnectionGuard&) = delete;

  /// Sets the source of the queue length (the server exists after the guard).
  void SetQueued(std::function<std::size_t()> queued);

  /// The calling thread serves `socket` from now on, waiting for its request.
  std::uint64_t Register(const Poco::Net::StreamSocket& socket);
  void Unregister(std::uint64_t id);

  /// For the connection the calling thread serves (no-ops on other threads):
  /// the request is complete, the server works on it / waits for the client.
  static void MarkWorking();
  static void MarkWaiting();

  /// Connections closed by the watchdog so far.
  std::uint64_t closed() const;

 private:
  struct Entry {
    Poco::Net::StreamSocket socket;
    bool waiting = true;
    std::chrono::steady_clock::time_point since;
  };
  void SetWaiting(std::uint64_t id, bool waiting);
  void Watch();

  const Limits limits_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::function<std::size_t()> queued_;
  std::map<std::uint64_t, Entry> entries_;
  std::uint64_t next_id_ = 1;
  std::uint64_t closed_ = 0;
  std::thread watchdog_;
};

namespace detail {
struct GuardHolder {
  std::unique_ptr<ConnectionGuard> guard;
};
}  // namespace detail

/// Poco::Net::HTTPServer with a ConnectionGuard over its connections: the
/// same constructor, start() and stopAll().
class GuardedHttpServer : private detail::GuardHolder, public Poco::Net::TCPServer {
 public:
  GuardedHttpServer(Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                    Poco::ThreadPool& pool, const Poco::Net::ServerSocket& socket,
                    Poco::Net::HTTPServerParams::Ptr params,
                    ConnectionGuard::Limits limits = ConnectionGuard::Limits());
  ~GuardedHttpServer() override;

  /// Stops accepting; the connections end after their current request (or
  /// at once with `abort_current`), as HTTPServer::stopAll().
  void stopAll(bool abort_current = false);
  const ConnectionGuard& connection_guard() const { return *guard; }

 private:
  GuardedHttpServer(Poco::Net::HTTPRequestHandlerFactory::Ptr guarded_handlers,
                    std::unique_ptr<ConnectionGuard> guard, Poco::ThreadPool& pool,
                    const Poco::Net::ServerSocket& socket, Poco::Net::HTTPServerParams::Ptr params);
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  std::function<void(bool)> stop_connections_;
};

}  // namespace parting::server
