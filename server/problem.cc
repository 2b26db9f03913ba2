#include "server/problem.h"

#include <set>

#include "parting/field_words.h"
#include "server/access_log.h"

namespace parting::server {
namespace {

// Type URIs of the request problems. RFC 9457 allows non-resolvable "tag:"
// URIs; clients compare them as identifiers.
constexpr std::string_view kUnparseableType =
    "tag:parting.example,2026:problem:unparseable-request";
constexpr std::string_view kInvalidType = "tag:parting.example,2026:problem:invalid-request";
constexpr std::string_view kInternalType = "tag:parting.example,2026:problem:internal-error";

// What is wrong, for the title: the one field at fault in words, or how
// many and the first. The pointers stay in `errors` for programs.
std::string InvalidTitle(const std::vector<FieldError>& errors) {
  if (errors.empty()) return "The request is invalid";
  std::set<std::string_view> fields;
  for (const FieldError& error : errors) fields.insert(error.pointer);
  std::string title = ErrorInWords(errors.front());
  if (fields.size() > 1)
    title = std::to_string(fields.size()) + " fields to correct, first: " + title;
  if (title.front() >= 'a' && title.front() <= 'z') title.front() -= 'a' - 'A';
  return title;
}

}  // namespace

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kUnparseable:
      return 400;
    case StatusCode::kInvalid:
      return 422;
    case StatusCode::kNotFound:
      return 500;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

std::string_view ReasonPhrase(int http_status) {
  switch (http_status) {
    case 200:
      return "OK";
    case 202:
      return "Accepted";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 499:  // nginx's, for the log: nobody reads the reply
      return "Client Closed Request";
    case 422:
      return "Unprocessable Content";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
  }
  return "Error";
}

std::string ProblemJson(std::string_view type, std::string_view title, int http_status,
                        std::string_view detail, const std::vector<FieldError>& errors) {
  nlohmann::ordered_json problem = {{"type", type},
                                    {"title", title},
                                    {"status", http_status},
                                    {"detail", detail},
                                    {"errors", nlohmann::ordered_json::array()}};
  for (const FieldError& error : errors)
    problem["errors"].push_back({{"pointer", error.pointer}, {"message", error.message}});
  return DumpJson(problem);
}

HttpReply ProblemReply(int http_status, std::string_view detail,
                       const std::vector<FieldError>& errors) {
  HttpReply reply;
  reply.status = http_status;
  reply.content_type = kProblemContentType;
  reply.body = ProblemJson("about:blank", ReasonPhrase(http_status), http_status, detail, errors);
  return reply;
}

HttpReply StatusReply(const Status& status) {
  HttpReply reply;
  reply.status = HttpStatusFor(status.code());
  reply.content_type = kProblemContentType;
  switch (status.code()) {
    case StatusCode::kUnparseable:
      reply.body = ProblemJson(kUnparseableType, "The request is not readable JSON", reply.status,
                               status.message(), status.errors());
      break;
    case StatusCode::kInvalid:
      reply.body = ProblemJson(kInvalidType, InvalidTitle(status.errors()), reply.status,
                               status.message(), status.errors());
      break;
    case StatusCode::kOk:  // a caller's bug: an ok Status is no reply
      reply.status = 500;
      [[fallthrough]];
    case StatusCode::kNotFound:
    case StatusCode::kInternal:
      // The client learns only that it failed; the log says why.
      LogServerMessage("the engine failed: " + status.ToString(), "error");
      reply.body = ProblemJson(kInternalType, "Internal error", reply.status,
                               "the letter could not be produced; the service log has details", {});
      break;
  }
  return reply;
}

}  // namespace parting::server
