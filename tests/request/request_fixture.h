// Test requests for the request stage: a minimal valid request and edits of it
// by JSON pointer, so that each case states only what it changes.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parting/request.h"

namespace parting::testing {

/// The smallest request that parses: every required field, nothing else.
inline constexpr std::string_view kMinimalRequest = R"({
  "language": "en",
  "sender": { "name": "Ada Sender" },
  "recipient": { "name": "Bob Recipient", "address": ["1 Main Street"] },
  "contract": { "notice_period": { "amount": 1, "unit": "months" } },
  "termination": {}
})";

inline constexpr Date kToday{2026, 11, 22};

/// One edit of a request: set the value at `pointer` to `json` (objects on
/// the way are created), or remove it when `json` is empty. Pointers here use
/// plain tokens (no ~ escapes).
struct Edit {
  std::string pointer;
  std::string json;
};

// Poco's parser wants a container at the top, so a bare value goes in an array.
inline Poco::Dynamic::Var ParseValue(const std::string& json) {
  Poco::JSON::Parser parser;
  return parser.parse("[" + json + "]").extract<Poco::JSON::Array::Ptr>()->get(0);
}

inline std::string ApplyEdits(std::string_view base, const std::vector<Edit>& edits) {
  Poco::JSON::Parser parser;
  Poco::Dynamic::Var root = parser.parse(std::string(base));
  for (const Edit& edit : edits) {
    Poco::Dynamic::Var node = root;
    std::string pointer = edit.pointer.substr(1);
    while (true) {
      const size_t slash = pointer.find('/');
      const std::string token = pointer.substr(0, slash);
      const bool last = slash == std::string::npos;
      if (node.type() == typeid(Poco::JSON::Array::Ptr)) {
        auto array = node.extract<Poco::JSON::Array::Ptr>();
        const unsigned index = static_cast<unsigned>(std::stoul(token));
        if (last) {
          array->set(index, ParseValue(edit.json));
          break;
        }
        node = array->get(index);
      } else {
        auto object = node.extract<Poco::JSON::Object::Ptr>();
        if (last) {
          if (edit.json.empty()) {
            object->remove(token);
          } else {
            object->set(token, ParseValue(edit.json));
          }
          break;
        }
        if (!object->has(token))
          object->set(token, Poco::JSON::Object::Ptr(new Poco::JSON::Object));
        node = object->get(token);
      }
      pointer = pointer.substr(slash + 1);
    }
  }
  std::ostringstream out;
  Poco::JSON::Stringifier::condense(root, out);
  return out.str();
}

inline Result<LetterRequest> ParseEdited(const std::vector<Edit>& edits) {
  return ParseLetterRequest(ApplyEdits(kMinimalRequest, edits), kToday);
}

/// "pointer: message" per line, or the status when it is not kInvalid, so
/// that a failed comparison shows a readable difference.
inline std::string Describe(const Result<LetterRequest>& result) {
  if (result.ok()) return "ok";
  if (result.status().code() != StatusCode::kInvalid)
    return "not invalid: " + result.status().ToString();
  std::string text;
  for (const FieldError& e : result.status().errors()) text += e.pointer + ": " + e.message + "\n";
  return text;
}

inline std::string Describe(const std::vector<FieldError>& errors) {
  std::string text;
  for (const FieldError& e : errors) text += e.pointer + ": " + e.message + "\n";
  return text;
}

}  // namespace parting::testing
