// docs/openapi.json against what the service really does: its paths and
// methods are the routing table's, and its request schema names exactly the
// fields the request parser knows.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <doctest/doctest.h>

#include <set>
#include <sstream>
#include <string>

#include "parting/request.h"
#include "server/routes.h"
#include "test_support.h"

namespace parting::server {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr ParseObject(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Object::Ptr>();
}

Object::Ptr Description() {
  return ParseObject(testing::ReadFile(testing::SourceDir() / "docs" / "openapi.json"));
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// "#/components/schemas/X" → the schema X.
Object::Ptr Resolve(const Object::Ptr& root, Object::Ptr schema) {
  while (schema && schema->has("$ref")) {
    const std::string ref = schema->getValue<std::string>("$ref");
    const std::string prefix = "#/components/schemas/";
    REQUIRE(ref.starts_with(prefix));
    schema = root->getObject("components")->getObject("schemas")->getObject(ref.substr(prefix.size()));
    REQUIRE_MESSAGE(schema, "dangling $ref " << ref);
  }
  return schema;
}

// Every property below `schema` as a JSON pointer; array items are "/0".
void SchemaFields(const Object::Ptr& root, Object::Ptr schema, const std::string& pointer,
                  std::set<std::string>& out) {
  schema = Resolve(root, schema);
  if (!schema) return;
  if (const auto properties = schema->getObject("properties")) {
    for (const auto& [name, value] : *properties) {
      out.insert(pointer + "/" + name);
      SchemaFields(root, properties->getObject(name), pointer + "/" + name, out);
    }
  }
  if (const auto items = schema->getObject("items")) SchemaFields(root, items, pointer + "/0", out);
  if (const auto choices = schema->getArray("oneOf"))
    for (size_t i = 0; i < choices->size(); ++i)
      SchemaFields(root, choices->getObject(i), pointer, out);
}

// Every key of a JSON value as a pointer; every array element counts as "/0".
void JsonFields(const Poco::Dynamic::Var& value, const std::string& pointer,
                std::set<std::string>& out) {
  if (value.type() == typeid(Object::Ptr)) {
    const auto object = value.extract<Object::Ptr>();
    for (const auto& [name, child] : *object) {
      out.insert(pointer + "/" + name);
      JsonFields(child, pointer + "/" + name, out);
    }
  } else if (value.type() == typeid(Array::Ptr)) {
    const auto array = value.extract<Array::Ptr>();
    for (size_t i = 0; i < array->size(); ++i) JsonFields(array->get(i), pointer + "/0", out);
  }
}

std::set<std::string> RequestSchemaFields() {
  const auto root = Description();
  const auto schema = root->getObject("components")->getObject("schemas")->getObject("LetterRequest");
  REQUIRE(schema);
  std::set<std::string> fields;
  SchemaFields(root, schema, "", fields);
  return fields;
}

// The English sample with the field at `pointer` set to "x" (objects on the
// way created), and the parser's messages for that pointer.
std::vector<std::string> ParserMessagesFor(const std::string& pointer) {
  const auto request = ParseObject(testing::ReadFile(
      testing::SourceDir() / "letter_templates" / "en" / "samples" / "full.json"));
  Object::Ptr object = request;
  std::istringstream parts(pointer.substr(1));
  std::string part;
  std::vector<std::string> names;
  while (std::getline(parts, part, '/')) names.push_back(part);
  for (size_t i = 0; i + 1 < names.size(); ++i) {
    if (names[i + 1] == "0") {  // into the first element of an array
      Array::Ptr array = object->getArray(names[i]);
      if (!array || array->size() == 0 || !array->getObject(0)) {
        array = new Array;
        array->add(Object::Ptr(new Object));
        object->set(names[i], array);
      }
      object = array->getObject(0);
      ++i;
      continue;
    }
    Object::Ptr child = object->getObject(names[i]);
    if (!child) {
      child = new Object;
      object->set(names[i], child);
    }
    object = child;
  }
  object->set(names.back(), "x");
  std::ostringstream text;
  Poco::JSON::Stringifier::stringify(request, text);
  const auto result = ParseLetterRequest(text.str(), Date{2026, 11, 22});
  std::vector<std::string> messages;
  if (!result.ok())
    for (const FieldError& error : result.status().errors())
      if (error.pointer == pointer) messages.push_back(error.message);
  return messages;
}

bool NamesUnknownField(const std::vector<std::string>& messages) {
  for (const std::string& message : messages)
    if (message.starts_with("unknown field")) return true;
  return false;
}

TEST_CASE("the API description documents exactly the routes the service serves") {
  const auto root = Description();
  CHECK(root->getValue<std::string>("openapi").starts_with("3.1"));
  std::set<std::string> documented;
  const auto paths = root->getObject("paths");
  REQUIRE(paths);
  for (const auto& [path, item] : *paths)
    for (const auto& [method, operation] : *paths->getObject(path))
      if (method != "parameters" && method != "summary" && method != "description")
        documented.insert(Upper(method) + " " + path);
  std::set<std::string> served;
  for (const RouteRow& route : ApiRoutes())
    served.insert(std::string(route.method) + " " + std::string(route.path));
  for (const std::string& route : served) {
    CAPTURE(route);
    CHECK_MESSAGE(documented.contains(route), "served but not in docs/openapi.json");
  }
  for (const std::string& route : documented) {
    CAPTURE(route);
    CHECK_MESSAGE(served.contains(route), "in docs/openapi.json but not served");
  }
  CHECK(documented.size() == served.size());
}

TEST_CASE("the API description names no server of its own") {
  // A deployment serves it from wherever it runs: servers are relative.
  const auto servers = Description()->getArray("servers");
  if (servers)
    for (std::size_t i = 0; i < servers->size(); ++i) {
      const std::string url =
          servers->getObject(static_cast<unsigned>(i))->getValue<std::string>("url");
      CAPTURE(url);
      CHECK(url.starts_with("/"));
    }
}

TEST_CASE("every field of every sample request is in the request schema") {
  const std::set<std::string> schema = RequestSchemaFields();
  for (const char* language : {"en", "de", "pt", "pl", "th"}) {
    CAPTURE(language);
    std::set<std::string> sample;
    JsonFields(Poco::JSON::Parser().parse(testing::ReadFile(
                   testing::SourceDir() / "letter_templates" / language / "samples" / "full.json")),
               "", sample);
    REQUIRE(sample.size() > 30);
    for (const std::string& field : sample) {
      CAPTURE(field);
      CHECK(schema.contains(field));
    }
  }
}

TEST_CASE("every field of the request schema is one the parser knows") {
  // The check itself: a made-up field is reported as unknown.
  REQUIRE(NamesUnknownField(ParserMessagesFor("/sender/nickname")));
  REQUIRE(NamesUnknownField(ParserMessagesFor("/projects/0/budget")));
  const std::set<std::string> schema = RequestSchemaFields();
  CHECK(schema.contains("/contract/auto_renewal/period/unit"));
  CHECK(schema.contains("/termination/requested_end_date"));
  for (const std::string& field : schema) {
    CAPTURE(field);
    CHECK_FALSE(NamesUnknownField(ParserMessagesFor(field)));
  }
}

}  // namespace
}  // namespace parting::server
