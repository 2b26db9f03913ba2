// Problem details (RFC 9457): the one JSON shape of every error Parting's HTTP
// service sends, and the one mapping from engine StatusCode to HTTP status.
//
//   {"type": "...", "title": "...", "status": 422, "detail": "...",
//    "errors": [{"pointer": "/contract/notice_period/unit", "message": "..."}]}
//
// `errors` is always present (empty when no field is at fault), so that
// clients read one shape. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json_string.h"
#include "parting/status.h"
#include "server/http_reply.h"

namespace parting::server {

inline constexpr std::string_view kProblemContentType = "application/problem+json";

/// The HTTP status for an engine failure: kUnparseable 400, kInvalid 422,
/// kNotFound and kInternal 500 (a broken installation is the server's fault).
int HttpStatusFor(StatusCode code);

/// The standard reason phrase ("Unprocessable Content", …) for a status.
std::string_view ReasonPhrase(int http_status);

/// The problem document as compact JSON text.
std::string ProblemJson(std::string_view type, std::string_view title, int http_status,
                        std::string_view detail, const std::vector<FieldError>& errors);

/// A protocol-level problem (404, 405, 413, 415, …): type "about:blank" and
/// the status's reason phrase as title, as RFC 9457 asks for that type.
HttpReply ProblemReply(int http_status, std::string_view detail,
                       const std::vector<FieldError>& errors = {});

/// The reply for a failed engine Status. Internal failures get a generic
/// detail: their message is for the log, not for the client, and is logged
/// here (a server line of level "error").
HttpReply StatusReply(const Status& status);

/// The engine's one JSON string writer (core/json_string.h), for the
/// server's and the job service's documents.
using ::parting::AppendJsonString;

}  // namespace parting::server
