// POST /v1/letters/compare: two drafts of one letter -> the later one as a
// redline PDF (Engine::Compare), with a first page of the changed facts.
#pragma once

#include "server/handlers.h"

namespace parting::server {

class CompareHandler : public EndpointHandler {
 public:
  explicit CompareHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

}  // namespace parting::server
