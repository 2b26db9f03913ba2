#include "jobs/tls_client.h"

#include <Poco/Net/SSLManager.h>

#include <mutex>

namespace parting::jobs {

Poco::Net::Context::Ptr ClientTlsContext(const std::string& ca_file) {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Net::initializeSSL(); });
  Poco::Net::Context::Ptr context = new Poco::Net::Context(
      Poco::Net::Context::TLS_CLIENT_USE, /*privateKeyFile=*/"", /*certificateFile=*/"", ca_file,
      Poco::Net::Context::VERIFY_STRICT, /*verificationDepth=*/9,
      /*loadDefaultCAs=*/ca_file.empty());
  context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  return context;
}

}  // namespace parting::jobs
