#include "server/listener.h"

#include <Poco/Net/SocketAddress.h>
#include <Poco/Timespan.h>
#include <errno.h>

namespace parting::server {
namespace {

constexpr int kListenBacklog = 64;
constexpr int kMaxQueuedConnections = 128;
// Slow clients give up their worker after this.
constexpr int kSocketTimeoutSeconds = 30;
// Poco serves a connection on one worker for as long as it is kept alive, so
// idle connections (a browser opens several) must let go of workers soon.
constexpr int kKeepAliveTimeoutSeconds = 3;
constexpr int kMaxKeepAliveRequests = 100;

}  // namespace

Result<Poco::Net::ServerSocket> Listen(const std::string& host, std::uint16_t port) {
  Poco::Net::ServerSocket socket;
  const std::string where = "cannot listen on " + host + ":" + std::to_string(port);
  try {
    // Poco's two-argument bind() would set SO_REUSEPORT too.
    socket.bind(Poco::Net::SocketAddress(host, port), /*reuseAddress=*/true,
                /*reusePort=*/false);
    socket.listen(kListenBacklog);
  } catch (const Poco::Exception& e) {
    if (e.code() == EADDRINUSE)
      return Status::Internal(where + ": address in use (another process listens there)");
    return Status::Internal(where + ": " + e.displayText());
  }
  return socket;
}

Poco::Net::HTTPServerParams::Ptr HttpParams(int threads) {
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(threads);
  params->setMaxQueued(kMaxQueuedConnections);
  params->setKeepAlive(true);
  params->setTimeout(Poco::Timespan(kSocketTimeoutSeconds, 0));
  params->setKeepAliveTimeout(Poco::Timespan(kKeepAliveTimeoutSeconds, 0));
  params->setMaxKeepAliveRequests(kMaxKeepAliveRequests);
  params->setServerName("parting");
  return params;
}

}  // namespace parting::server
