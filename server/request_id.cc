#include "server/request_id.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <random>

namespace parting::server {
namespace {

constexpr std::size_t kMaxRequestIdLength = 64;

}  // namespace

bool IsAcceptableRequestId(std::string_view id) {
  return !id.empty() && id.size() <= kMaxRequestIdLength &&
         std::all_of(id.begin(), id.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' ||
                  c == ':';
         });
}

std::string NewRequestId() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (int half = 0; half < 2; ++half) {
    std::uint64_t bits = generator();
    for (int i = 0; i < 16; ++i, bits >>= 4) id += kHex[bits & 0xF];
  }
  return id;
}

std::string RequestIdFor(std::string_view offered) {
  return IsAcceptableRequestId(offered) ? std::string(offered) : NewRequestId();
}

}  // namespace parting::server
