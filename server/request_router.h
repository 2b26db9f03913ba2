// RequestRouter: Poco's handler factory over the routing table (routes.h).
// Creates one handler per request; shares one ServiceContext, which must
// outlive the server. When API keys are configured, a /v1/ request without
// an accepted key gets 401 before any route is looked at; a context that is
// ops_only finds /healthz, /readyz and /metrics alone. Every handler
// counts its request in the context's metrics. Thread-safe: called from
// every worker thread.
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "server/handlers.h"

namespace parting::server {

class RequestRouter : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit RequestRouter(const ServiceContext& context) : context_(context) {}

  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

 private:
  EndpointHandler* CreateEndpointHandler(const Poco::Net::HTTPServerRequest& request);

  const ServiceContext& context_;
};

}  // namespace parting::server
