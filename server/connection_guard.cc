#include "server/connection_guard.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/TCPServerConnection.h>

#include <algorithm>
#include <memory>

namespace parting::server {
namespace {

using Clock = std::chrono::steady_clock;

// The guard and connection the current thread serves, if any.
thread_local ConnectionGuard* current_guard = nullptr;
thread_local std::uint64_t current_id = 0;

bool MayCarryBody(const Poco::Net::HTTPServerRequest& request) {
  if (request.getChunkedTransferEncoding()) return true;
  return request.hasContentLength() && request.getContentLength64() > 0;
}

// Wraps a handler: a request without a body is complete once its head is
// read; after the reply the server waits for the client again.
class GuardedHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit GuardedHandler(Poco::Net::HTTPRequestHandler* inner) : inner_(inner) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    if (!MayCarryBody(request)) ConnectionGuard::MarkWorking();
    inner_->handleRequest(request, response);
    ConnectionGuard::MarkWaiting();
  }

 private:
  std::unique_ptr<Poco::Net::HTTPRequestHandler> inner_;
};

class GuardedHandlers : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit GuardedHandlers(Poco::Net::HTTPRequestHandlerFactory::Ptr inner)
      : inner_(std::move(inner)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override {
    Poco::Net::HTTPRequestHandler* inner = inner_->createRequestHandler(request);
    return inner ? new GuardedHandler(inner) : nullptr;
  }
  /// What HTTPServer::stopAll() does to its factory (a friend there).
  void StopConnections(const void* server, bool abort_current) {
    serverStopped(server, abort_current);
  }

 private:
  Poco::Net::HTTPRequestHandlerFactory::Ptr inner_;
};

class GuardedConnection : public Poco::Net::TCPServerConnection {
 public:
  GuardedConnection(const Poco::Net::StreamSocket& socket, ConnectionGuard& guard,
                    Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
      : TCPServerConnection(socket), guard_(guard), params_(params), handlers_(handlers) {}

  void run() override {
    const std::uint64_t id = guard_.Register(socket());
    current_guard = &guard_;
    current_id = id;
    try {
      Poco::Net::HTTPServerConnection(socket(), params_, handlers_).run();
    } catch (...) {
      current_guard = nullptr;
      guard_.Unregister(id);
      throw;
    }
    current_guard = nullptr;
    guard_.Unregister(id);
  }

 private:
  ConnectionGuard& guard_;
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
};

class GuardedConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
 public:
  GuardedConnectionFactory(ConnectionGuard& guard, Poco::Net::HTTPServerParams::Ptr params,
                           Poco::Net::HTTPRequestHandlerFactory::Ptr handlers)
      : guard_(guard), params_(params), handlers_(handlers) {}
  Poco::Net::TCPServerConnection* createConnection(
      const Poco::Net::StreamSocket& socket) override {
    return new GuardedConnection(socket, guard_, params_, handlers_);
  }

 private:
  ConnectionGuard& guard_;
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
};

}  // namespace

std::vector<std::uint64_t> ConnectionsToClose(std::vector<WaitingConnection> waiting,
                                              std::size_t queued, Clock::duration grace,
                                              Clock::duration max_wait) {
  std::stable_sort(waiting.begin(), waiting.end(),
                   [](const WaitingConnection& a, const WaitingConnection& b) {
                     return a.waited > b.waited;
                   });
  std::vector<std::uint64_t> close;
  for (const WaitingConnection& connection : waiting) {
    if (connection.waited > max_wait) {
      close.push_back(connection.id);
    } else if (queued > 0 && connection.waited >= grace) {
      close.push_back(connection.id);
      --queued;
    }
  }
  return close;
}

ConnectionGuard::ConnectionGuard(Limits limits, std::function<std::size_t()> queued)
    : limits_(limits), queued_(std::move(queued)), watchdog_([this] { Watch(); }) {}

ConnectionGuard::~ConnectionGuard() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  watchdog_.join();
}

void ConnectionGuard::SetQueued(std::function<std::size_t()> queued) {
  std::lock_guard<std::mutex> lock(mutex_);
  queued_ = std::move(queued);
}

std::uint64_t ConnectionGuard::Register(const Poco::Net::StreamSocket& socket) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::uint64_t id = next_id_++;
  entries_.emplace(id, Entry{socket, true, Clock::now()});
  return id;
}

void ConnectionGuard::Unregister(std::uint64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.erase(id);
}

void ConnectionGuard::SetWaiting(std::uint64_t id, bool waiting) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto entry = entries_.find(id);
  if (entry == entries_.end() || entry->second.waiting == waiting) return;
  entry->second.waiting = waiting;
  entry->second.since = Clock::now();
}

void ConnectionGuard::MarkWorking() {
  if (current_guard) current_guard->SetWaiting(current_id, false);
}

void ConnectionGuard::MarkWaiting() {
  if (current_guard) current_guard->SetWaiting(current_id, true);
}

std::uint64_t ConnectionGuard::closed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return closed_;
}

void ConnectionGuard::Watch() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, limits_.check_every, [this] { return stopping_; })) {
    const Clock::time_point now = Clock::now();
    std::vector<WaitingConnection> waiting;
    for (const auto& [id, entry] : entries_)
      if (entry.waiting) waiting.push_back({id, now - entry.since});
    if (waiting.empty()) continue;
    const std::size_t queued = queued_ ? queued_() : 0;
    for (std::uint64_t id : ConnectionsToClose(std::move(waiting), queued, limits_.grace,
                                               limits_.max_wait)) {
      // Under the lock, so the connection cannot finish and close its socket
      // (whose descriptor could then be reused) while it is shut down. The
      // blocked read returns at once and Poco ends the connection.
      try {
        entries_.at(id).socket.shutdown();
      } catch (const Poco::Exception&) {
        // already closed by the peer
      }
      entries_.at(id).waiting = false;  // closed once
      ++closed_;
    }
  }
}

GuardedHttpServer::GuardedHttpServer(Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                                     Poco::ThreadPool& pool, const Poco::Net::ServerSocket& socket,
                                     Poco::Net::HTTPServerParams::Ptr params,
                                     ConnectionGuard::Limits limits)
    : GuardedHttpServer(new GuardedHandlers(handlers),
                        std::make_unique<ConnectionGuard>(limits, nullptr), pool, socket, params) {}

GuardedHttpServer::GuardedHttpServer(Poco::Net::HTTPRequestHandlerFactory::Ptr guarded_handlers,
                                     std::unique_ptr<ConnectionGuard> guard_in,
                                     Poco::ThreadPool& pool, const Poco::Net::ServerSocket& socket,
                                     Poco::Net::HTTPServerParams::Ptr params)
    : detail::GuardHolder{std::move(guard_in)},
      Poco::Net::TCPServer(new GuardedConnectionFactory(*guard, params, guarded_handlers), pool,
                           socket, params),
      handlers_(guarded_handlers) {
  auto* handlers = static_cast<GuardedHandlers*>(guarded_handlers.get());
  stop_connections_ = [this, handlers](bool abort_current) {
    handlers->StopConnections(this, abort_current);
  };
  guard->SetQueued([this] { return static_cast<std::size_t>(std::max(0, queuedConnections())); });
}

GuardedHttpServer::~GuardedHttpServer() {
  // The watchdog must not ask a TCPServer that is being destroyed.
  guard->SetQueued(nullptr);
}

void GuardedHttpServer::stopAll(bool abort_current) {
  stop();
  stop_connections_(abort_current);
}

}  // namespace parting::server
