#include "server/render_job.h"

#include "server/problem.h"

namespace parting::server {
namespace {

// Long enough for a running letter to finish; short enough that a client
// that honours it sees no visible delay.
constexpr std::string_view kRetryAfterSeconds = "1";

}  // namespace

HttpReply QueueFullReply() {
  HttpReply reply = ProblemReply(
      503, "every render worker is busy and the queue is full; retry after a second");
  reply.headers.emplace_back("Retry-After", std::string(kRetryAfterSeconds));
  return reply;
}

HttpReply TimeLimitReply(long long limit_ms) {
  HttpReply reply = ProblemReply(503, "the letter was not ready within the time limit of " +
                                          std::to_string(limit_ms) + " ms; retry later");
  reply.headers.emplace_back("Retry-After", std::string(kRetryAfterSeconds));
  return reply;
}

HttpReply ClientGoneReply() {
  return ProblemReply(499, "the client closed the connection before its letter was started");
}

}  // namespace parting::server
