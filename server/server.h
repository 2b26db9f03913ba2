// Serve(): Parting's HTTP service, from start-up to a clean stop.
//
//   parting::server::ServeOptions options;
//   options.root = "/srv/parting";
//   parting::Status status = parting::server::Serve(options);  // blocks
//
// Builds the engine once (a broken template or font stops start-up with its
// error), listens on host:port (127.0.0.1 unless told otherwise), serves with
// a pool of worker threads sharing that engine, and returns when the process
// gets SIGINT or SIGTERM. Call from the main thread, once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "parting/status.h"

namespace parting::server {

struct ServeOptions {
  std::string host = "127.0.0.1";  ///< loopback: exposing the service is a decision
  std::uint16_t port = 8080;       ///< 0 picks a free port (printed at start-up)
  std::filesystem::path root;      ///< holds letter_templates/, fonts/, web/
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_batch_items = 2000;          ///< POST /v1/letters/batch
  std::size_t max_batch_body_bytes = 64u << 20;  ///< the batch route's body limit
  int threads = 0;  ///< worker threads (one per open connection); 0 = 2 per core, at least 8
};

/// Serves until SIGINT or SIGTERM. Writes "parting: listening on
/// http://HOST:PORT/" to standard error once requests are accepted. Returns
/// the engine's Status when it cannot be built, kNotFound without web/, and
/// kInternal when the address cannot be bound; Ok after a requested stop.
Status Serve(const ServeOptions& options);

}  // namespace parting::server
