// The read-only catalog routes: languages, reasons, capabilities, health.
#include <Poco/Exception.h>
#include <Poco/URI.h>

#include "server/handlers.h"
#include "server/problem.h"

namespace parting::server {
namespace {

HttpReply JsonReply(std::string body) {
  HttpReply reply;
  reply.content_type = "application/json";
  reply.body = std::move(body);
  // The catalogs change only with a new release of the service.
  reply.headers.emplace_back("Cache-Control", "public, max-age=300");
  return reply;
}

std::string SupportedCodes() {
  std::string codes;
  for (Language language : AllLanguages()) {
    if (!codes.empty()) codes += ", ";
    codes += LanguageCode(language);
  }
  return codes;
}

}  // namespace

LanguagesHandler::LanguagesHandler(const ServiceContext& context)
    : EndpointHandler("/v1/languages"), context_(context) {}

HttpReply LanguagesHandler::Handle(Poco::Net::HTTPServerRequest&) {
  return JsonReply(context_.languages_json);
}

ReasonsHandler::ReasonsHandler(const ServiceContext& context)
    : EndpointHandler("/v1/reasons"), context_(context) {}

HttpReply ReasonsHandler::Handle(Poco::Net::HTTPServerRequest& request) {
  std::optional<std::string> code;
  try {
    for (const auto& [name, value] : Poco::URI(request.getURI()).getQueryParameters())
      if (name == "language") code = value;
  } catch (const Poco::SyntaxException&) {
    return ProblemReply(400, "the query string is not valid percent-encoding");
  }
  const std::optional<Language> language = code ? LanguageFromCode(*code) : std::nullopt;
  if (!language) {
    // The pointer names the query parameter: there is no body to point into.
    const std::string message =
        (code ? "unsupported language; " : "the language parameter is required; ") +
        std::string("must be one of ") + SupportedCodes();
    return ProblemReply(422, "the language query parameter is missing or unsupported",
                        {{"/query/language", message}});
  }
  std::string body = "{\"language\":";
  AppendJsonString(body, LanguageCode(*language));
  body += ",\"reasons\":[";
  bool first = true;
  for (const LocalizedReason& reason : context_.engine->Reasons(*language)) {
    if (!first) body += ',';
    first = false;
    body += "{\"id\":";
    AppendJsonString(body, reason.id);
    body += ",\"label\":";
    AppendJsonString(body, reason.label);
    body += '}';
  }
  body += "]}";
  return JsonReply(std::move(body));
}

CapabilitiesHandler::CapabilitiesHandler(const ServiceContext& context)
    : EndpointHandler("/v1/capabilities"), context_(context) {}

HttpReply CapabilitiesHandler::Handle(Poco::Net::HTTPServerRequest&) {
  HttpReply reply;
  reply.content_type = "application/json";
  reply.body = std::string(R"({"sign":)") + (context_.signs ? "true" : "false") + "}";
  // Fixed while the process runs; another instance may differ.
  reply.headers.emplace_back("Cache-Control", "no-cache");
  return reply;
}

HealthHandler::HealthHandler() : EndpointHandler("/healthz") {}

HttpReply HealthHandler::Handle(Poco::Net::HTTPServerRequest&) {
  HttpReply reply;
  reply.content_type = "application/json";
  reply.body = R"({"status":"ok"})";
  return reply;
}

}  // namespace parting::server
