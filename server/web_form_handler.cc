#include <Poco/URI.h>

#include <fstream>
#include <sstream>

#include "server/handlers.h"
#include "server/problem.h"
#include "server/web_files.h"

namespace parting::server {
namespace {

// The form runs only its own script and style, talks only to this service
// and cannot be framed; it frames only the PDF preview, a blob: URL of the
// bytes it downloaded. No inline script or style anywhere in web/.
constexpr std::string_view kFormContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src blob:; object-src blob:; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'";

}  // namespace

WebFormHandler::WebFormHandler(const ServiceContext& context)
    : EndpointHandler("/*"), context_(context) {}

HttpReply WebFormHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  const std::string path = Poco::URI(request.getURI()).getPath();
  const WebFileLookup lookup = LookUpWebFile(context_.web_root, path);
  switch (lookup.outcome) {
    case WebFileLookup::Outcome::kMalformed:
      return ProblemReply(400, "the path is not a valid file name");
    case WebFileLookup::Outcome::kNotFound:
      return ProblemReply(404, "there is no such page");
    case WebFileLookup::Outcome::kFound:
      break;
  }
  std::ifstream in(lookup.file, std::ios::binary);
  if (!in.is_open()) return ProblemReply(404, "there is no such page");
  std::ostringstream content;
  content << in.rdbuf();
  HttpReply reply;
  reply.content_type = WebContentType(lookup.file);
  reply.body = std::move(content).str();
  reply.headers.emplace_back("Cache-Control", "no-cache");
  reply.headers.emplace_back("Content-Security-Policy", std::string(kFormContentSecurityPolicy));
  reply.headers.emplace_back("X-Frame-Options", "DENY");
  return reply;
}

}  // namespace parting::server
