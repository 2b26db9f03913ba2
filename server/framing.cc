#include "server/framing.h"

#include <Poco/String.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace parting::server {
namespace {

std::size_t Count(const Poco::Net::NameValueCollection& headers, const std::string& name) {
  std::size_t count = 0;
  for (auto it = headers.find(name); it != headers.end() && Poco::icompare(it->first, name) == 0;
       ++it)
    ++count;
  return count;
}

bool IsDecimal(std::string_view text) {
  return !text.empty() && text.size() <= 18 && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

}  // namespace

std::optional<std::string> FramingProblem(const Poco::Net::NameValueCollection& headers) {
  const std::string kLength = "Content-Length";
  const std::string kEncoding = "Transfer-Encoding";
  const std::size_t lengths = Count(headers, kLength);
  const std::size_t encodings = Count(headers, kEncoding);
  if (lengths > 0 && encodings > 0)
    return "the request has both Content-Length and Transfer-Encoding; send one of them";
  if (lengths > 1) return "the request has more than one Content-Length";
  if (lengths == 1 && !IsDecimal(Poco::trim(headers.get(kLength))))
    return "the Content-Length is not a decimal number of bytes";
  if (encodings > 1) return "the request has more than one Transfer-Encoding";
  if (encodings == 1 && Poco::icompare(Poco::trim(headers.get(kEncoding)), "chunked") != 0)
    return "the only Transfer-Encoding this service accepts is chunked";
  return std::nullopt;
}

}  // namespace parting::server
