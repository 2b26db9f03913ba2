// RunRenderJob(): how a handler runs its CPU work, on the service's render
// queue within the request time limit (both in ServiceContext).
//
//   auto pdf = RunRenderJob<Result<std::string>>(context_, [engine = context_.engine, text] {
//     return engine->Render(text);
//   });
//   if (!pdf.value) return pdf.problem;  // 503 with Retry-After
//
// The job may outlive the handler (a timed-out job runs on, its result is
// dropped): capture by value, never a handler's locals by reference.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "server/handlers.h"
#include "server/http_reply.h"
#include "server/render_queue.h"

namespace parting::server {

template <class T>
struct RenderJobResult {
  std::optional<T> value;
  HttpReply problem;  ///< when !value
};

/// 503 with Retry-After: every worker busy and the queue full.
HttpReply QueueFullReply();
/// 503 with Retry-After: the job did not finish within `limit_ms`.
HttpReply TimeLimitReply(long long limit_ms);
/// 499 (nginx's "client closed request"): for the log, the client is gone.
HttpReply ClientGoneReply();

/// `client_waits` (see EndpointHandler::ClientWaits()) lets the queue drop
/// the job once its client has closed the connection.
template <class T>
RenderJobResult<T> RunRenderJob(const ServiceContext& context, std::function<T()> job,
                                std::function<bool()> client_waits = nullptr) {
  if (!context.render_queue) return {job(), {}};
  auto run = context.render_queue->RunWithin<T>(context.request_timeout, std::move(job),
                                                std::move(client_waits));
  switch (run.outcome) {
    case RenderQueue::Outcome::kDone:
      return {std::move(run.value), {}};
    case RenderQueue::Outcome::kFull:
      return {std::nullopt, QueueFullReply()};
    case RenderQueue::Outcome::kCallerGone:
      return {std::nullopt, ClientGoneReply()};
    case RenderQueue::Outcome::kTimedOut:
      break;
  }
  return {std::nullopt, TimeLimitReply(context.request_timeout.count())};
}

}  // namespace parting::server
