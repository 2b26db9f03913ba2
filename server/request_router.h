// RequestRouter: Poco's handler factory over the routing table (routes.h).
// Creates one handler per request; shares one ServiceContext, which must
// outlive the server. Thread-safe: called from every worker thread.
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
  const ServiceContext& context_;
};

}  // namespace parting::server
