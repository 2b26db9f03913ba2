// Listening for HTTP: the bound socket and Poco's server parameters, shared by
// `parting serve` (server.cc) and a worker's metrics port (ops_server.h), so
// both refuse a port in use the same way and bound their connections alike.
//
//   Result<Poco::Net::ServerSocket> socket = Listen("127.0.0.1", 0);
//   Poco::Net::HTTPServerParams::Ptr params = HttpParams(8);
#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>

#include <cstdint>
#include <string>

#include "parting/status.h"

namespace parting::server {

/// A socket bound to host:port (0 picks a free port) and listening.
/// SO_REUSEADDR lets a restart bind while old connections linger in
/// TIME_WAIT; SO_REUSEPORT stays off, so a second instance cannot share the
/// port with a running one. Internal "…: address in use (…)" when taken.
Result<Poco::Net::ServerSocket> Listen(const std::string& host, std::uint16_t port);

/// Poco's HTTP parameters with Parting's bounds: `threads` connection
/// threads, a bounded accept queue, a socket timeout for slow clients, short
/// keep-alive and a bounded number of requests per connection.
Poco::Net::HTTPServerParams::Ptr HttpParams(int threads);

}  // namespace parting::server
