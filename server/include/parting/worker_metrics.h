// The metrics port beside `parting worker`: GET /metrics, /healthz and
// /readyz on their own address (server/ops_server.h), the worker's letters
// counted as serve counts job letters. The public face of the server
// library for the command line, which includes no server/ header.
#pragma once

#include "jobs/run_worker.h"
#include "parting/serve_config.h"

namespace parting::server {

/// What jobs::RunWorker() starts beside the worker to serve `address`.
jobs::WorkerCompanion WorkerMetricsPort(const MetricsAddress& address);

}  // namespace parting::server
