#include "server/download_name.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cctype>

namespace parting::server {
namespace {

constexpr size_t kMaxSlugLength = 48;

// Lowercase ASCII letters and digits, every other run of bytes one '-'.
// Non-ASCII letters are dropped rather than guessed at ("Müller" → "m-ller"
// would read worse than "mller"), so they join their neighbours.
std::string Slug(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  for (const char c : text) {
    const unsigned char byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) continue;
    if (std::isalnum(byte)) {
      if (pending_dash && !slug.empty()) slug += '-';
      pending_dash = false;
      slug += static_cast<char>(std::tolower(byte));
    } else {
      pending_dash = true;
    }
    if (slug.size() >= kMaxSlugLength) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

std::string StringField(const Poco::JSON::Object::Ptr& object, const std::string& key) {
  if (!object || !object->has(key)) return {};
  const Poco::Dynamic::Var value = object->get(key);
  return value.isString() ? value.extract<std::string>() : std::string();
}

}  // namespace

std::string DownloadFileName(std::string_view recipient, std::string_view letter_date) {
  std::string name = "letter";
  for (const std::string& part : {Slug(recipient), Slug(letter_date)})
    if (!part.empty()) name += "-" + part;
  return name + ".pdf";
}

std::string DownloadFileNameForRequest(std::string_view request_json) {
  try {
    Poco::JSON::Parser parser;
    const Poco::Dynamic::Var root = parser.parse(std::string(request_json));
    const auto request = root.extract<Poco::JSON::Object::Ptr>();
    const auto recipient = request->getObject("recipient");
    std::string who = StringField(recipient, "organization");
    if (who.empty()) who = StringField(recipient, "name");
    return DownloadFileName(who, StringField(request, "letter_date"));
  } catch (const std::exception&) {
    // Only reached for requests the engine accepted; a name is still owed.
    return DownloadFileName({}, {});
  }
}

std::string AttachmentDisposition(const std::string& file_name) {
  return "attachment; filename=\"" + file_name + "\"";
}

}  // namespace parting::server
