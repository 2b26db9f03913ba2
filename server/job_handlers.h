// The routes of asynchronous jobs (api.md "Jobs"): create, status, manifest,
// one letter, the archive, cancel. The store (jobs/job_store.h) holds every
// job, so any replica answers for any job; a store that cannot be reached
// makes these routes answer 503 with Retry-After, never half a job.
//
// POST /v1/jobs takes a body exactly as POST /v1/letters/batch, checks every
// item at once (rejected items are in the manifest from the start), stores
// the job and answers 202 with Location. Headers: Idempotency-Key (1–255
// visible ASCII; the same key with the same body answers 200 and the
// existing job, with another body 409) and Parting-Callback-Url (only to
// hosts the operator allows; else 422 naming the header). One instance per
// request.
#pragma once

#include <string>
#include <vector>

#include "parting/status.h"
#include "server/endpoint_handler.h"

namespace parting::server {

struct ServiceContext;

/// What the job routes share: a store that cannot answer (503 with
/// Retry-After, the cause in the log only), an unknown job (404), JSON.
HttpReply JobStoreUnavailable(const parting::Status& status);
HttpReply UnknownJobReply();
HttpReply JsonReply(int status, std::string body);

/// One class for the six job routes: `endpoint` says which.
class JobHandler : public EndpointHandler {
 public:
  enum class Route { kCreate, kStatus, kCancel, kManifest, kLetter, kArchive };
  JobHandler(const ServiceContext& context, Route route, std::string_view route_name,
             std::vector<std::string> params);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  HttpReply Create(Poco::Net::HTTPServerRequest& request);
  HttpReply Status();
  HttpReply Cancel();
  HttpReply Manifest();
  HttpReply Letter();
  HttpReply Archive();

  const ServiceContext& context_;
  Route route_;
  std::vector<std::string> params_;  ///< {id} and {index}
};

}  // namespace parting::server
