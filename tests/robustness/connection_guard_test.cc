// The slow-client policy of server/connection_guard.h on its own.
#include <doctest/doctest.h>

#include <Poco/Exception.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <chrono>
#include <vector>

#include "server/connection_guard.h"

namespace parting::server {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

}  // namespace

TEST_CASE("no queue: only waits past the maximum are closed") {
  const auto close = ConnectionsToClose({{1, seconds(5)}, {2, seconds(61)}, {3, seconds(59)}},
                                        /*queued=*/0, milliseconds(500), seconds(60));
  CHECK(close == std::vector<std::uint64_t>{2});
  CHECK(ConnectionsToClose({}, 5, milliseconds(500), seconds(60)).empty());
}

TEST_CASE("a queue: the longest waits past the grace make room, one per queued connection") {
  const std::vector<WaitingConnection> waiting = {
      {1, milliseconds(700)}, {2, milliseconds(2000)}, {3, milliseconds(100)},
      {4, milliseconds(900)}, {5, milliseconds(499)}};
  CHECK(ConnectionsToClose(waiting, 2, milliseconds(500), seconds(60)) ==
        std::vector<std::uint64_t>{2, 4});
  // Never a connection within its grace, however long the queue.
  CHECK(ConnectionsToClose(waiting, 10, milliseconds(500), seconds(60)) ==
        std::vector<std::uint64_t>{2, 4, 1});
  // Past the maximum counts apart from the queue.
  CHECK(ConnectionsToClose({{1, seconds(70)}, {2, seconds(1)}, {3, seconds(2)}}, 1,
                           milliseconds(500), seconds(60)) ==
        std::vector<std::uint64_t>{1, 3});
}

TEST_CASE("the watchdog shuts down a waiting socket only while others queue") {
  Poco::Net::ServerSocket listener(Poco::Net::SocketAddress("127.0.0.1", 0));
  Poco::Net::StreamSocket client(listener.address());
  Poco::Net::StreamSocket served = listener.acceptConnection();
  client.setReceiveTimeout(Poco::Timespan(0, 300000));
  char byte = 0;

  std::atomic<std::size_t> queued{0};
  ConnectionGuard::Limits limits;
  limits.grace = milliseconds(50);
  limits.check_every = milliseconds(10);
  ConnectionGuard guard(limits, [&] { return queued.load(); });
  const std::uint64_t id = guard.Register(served);

  // Nobody waits for a thread: the slow connection may stay.
  CHECK_THROWS_AS(client.receiveBytes(&byte, 1), Poco::TimeoutException);
  CHECK(guard.closed() == 0);

  // Someone does: it is closed, the client sees the end of the stream.
  queued = 1;
  client.setReceiveTimeout(Poco::Timespan(2, 0));
  CHECK(client.receiveBytes(&byte, 1) == 0);
  CHECK(guard.closed() == 1);
  guard.Unregister(id);
}

}  // namespace parting::server
