#include "parting/worker_metrics.h"

#include "jobs/job_worker.h"
#include "server/access_log.h"
#include "server/ops_server.h"

namespace parting::server {

jobs::WorkerCompanion WorkerMetricsPort(const MetricsAddress& address) {
  return
      [address](jobs::JobStore& store, jobs::JobWorker& worker,
                std::shared_ptr<const std::atomic<bool>> ready) -> Result<std::shared_ptr<void>> {
        auto ops = OpsServer::Start(address.host, address.port, &store, std::move(ready));
        if (!ops.ok()) return ops.status();
        Metrics* metrics = &(*ops)->metrics();
        worker.OnLetter([metrics](std::string_view language) {
          metrics->LetterRendered(language, LetterSource::kJob);
        });
        LogServerMessage("metrics on http://" + (*ops)->address() +
                         "/metrics (and /healthz, /readyz)");
        return std::shared_ptr<void>(std::move(*ops));
      };
}

}  // namespace parting::server
