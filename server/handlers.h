// The route handlers of Parting's HTTP service, one class per route of the
// table in routes.cc. Each is created per request by RequestRouter and
// answers through EndpointHandler's edge. They share one ServiceContext,
// whose engine is built once at start-up and is safe to call concurrently.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "parting/engine.h"
#include "server/api_keys.h"
#include "server/batch_handler.h"
#include "server/endpoint_handler.h"
#include "server/metrics.h"

namespace parting::jobs {
class CallbackAllowList;
class JobStore;
class JobWorker;
}  // namespace parting::jobs

namespace parting::server {

class RenderQueue;

/// What every handler may read; immutable once the server runs.
struct ServiceContext {
  std::shared_ptr<const Engine> engine;
  std::filesystem::path web_root;  ///< canonical path of web/
  std::size_t max_body_bytes = 1 << 20;
  std::string languages_json;  ///< built once: ICU lookups are not free
  bool signs = false;          ///< a signing identity is configured (options.sign works)
  BatchSettings batch;         ///< POST /v1/letters/batch
  /// Where CPU work runs (render_job.h); null runs it on the caller's thread.
  RenderQueue* render_queue = nullptr;
  std::chrono::milliseconds request_timeout{30000};  ///< per job on the queue
  Metrics* metrics = nullptr;                       ///< null counts nothing
  ApiKeys api_keys;                                 ///< none: /v1/ is open
  std::string openapi_json;  ///< docs/openapi.json, "" when not installed
  /// True once every language is ready (templates are checked at start-up;
  /// this waits for the hyphenation dictionaries). Null counts as ready.
  std::shared_ptr<const std::atomic<bool>> ready;
  jobs::JobStore* job_store = nullptr;  ///< null: the /v1/jobs routes answer 503
  std::shared_ptr<const jobs::CallbackAllowList> callback_allow;  ///< null: none allowed
  /// Only the operational routes (/healthz, /readyz, /metrics) are found;
  /// every other path is 404 (a worker's metrics port, ops_server.h).
  bool ops_only = false;
};

/// POST /v1/letters: the request JSON → the letter as application/pdf.
class LetterHandler : public EndpointHandler {
 public:
  explicit LetterHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

/// POST /v1/letters/plan: the request JSON → the plan JSON.
class PlanHandler : public EndpointHandler {
 public:
  explicit PlanHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

/// GET /v1/languages: the supported languages with their own names.
class LanguagesHandler : public EndpointHandler {
 public:
  explicit LanguagesHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

/// GET /v1/reasons?language=de: the reason catalog with localized labels.
class ReasonsHandler : public EndpointHandler {
 public:
  explicit ReasonsHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

/// GET /v1/capabilities: what this instance can do beyond every letter,
/// {"sign": true|false}, so that a client (the web form) offers only that.
class CapabilitiesHandler : public EndpointHandler {
 public:
  explicit CapabilitiesHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

/// GET and HEAD /healthz: {"status":"ok"} while the process serves.
class HealthHandler : public EndpointHandler {
 public:
  HealthHandler();

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;
};

/// GET /readyz: 200 {"status":"ready"} once every language is ready, 503
/// {"status":"starting"} with Retry-After before.
class ReadyHandler : public EndpointHandler {
 public:
  explicit ReadyHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

/// GET /metrics: the counters in Prometheus text format.
class MetricsHandler : public EndpointHandler {
 public:
  explicit MetricsHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

/// GET /v1/openapi.json: the OpenAPI description of these routes.
class OpenApiHandler : public EndpointHandler {
 public:
  explicit OpenApiHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

/// GET / and the files below web/: the web form.
class WebFormHandler : public EndpointHandler {
 public:
  explicit WebFormHandler(const ServiceContext& context);

 protected:
  HttpReply Handle(Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServiceContext& context_;
};

}  // namespace parting::server
