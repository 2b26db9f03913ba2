// The routes for job e-mails whose delivery is unknown (docs/sending.md):
// the HTTP twin of `parting unconfirmed`, through the same store calls.
//
//   GET /v1/emails/unconfirmed                      every job's
//   GET /v1/jobs/{id}/emails/unconfirmed            one job's (404 unknown job)
//   PUT /v1/jobs/{id}/emails/{index}/settlement     {"decision": "sent" | "resend"}
//
// A listed e-mail: {"job", "index", "message_id", "from", "recipients",
// "reason"}. Settling answers 200 {"job", "index", "decision",
// "email_status"} and is idempotent: the same decision again answers 200
// and changes nothing; the other decision, or an e-mail that is not
// unconfirmed, answers 409; an unknown job or item 404; a body without a
// valid "decision" 422 naming /decision. Under the API keys of every /v1/
// route. One instance per request.
#pragma once

#include <string>
#include <vector>

#include "server/endpoint_handler.h"

namespace parting::server {

struct ServiceContext;

class UnconfirmedEmailHandler : public EndpointHandler {
 public:
  enum class Route { kListAll, kListJob, kSettle };
  UnconfirmedEmailHandler(const ServiceContext& context, Route route, std::string_view route_name,
                          std::vector<std::string> params);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  HttpReply List(const std::string& job_id);
  HttpReply Settle(Poco::Net::HTTPServerRequest& request);

  const ServiceContext& context_;
  Route route_;
  std::vector<std::string> params_;  ///< {id} and {index}
};

}  // namespace parting::server
