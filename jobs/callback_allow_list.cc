#include "jobs/callback_allow_list.h"

#include <Poco/Exception.h>
#include <Poco/Net/DNS.h>
#include <Poco/Net/HostEntry.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>

namespace parting::jobs {
namespace {

const std::string kPointer = "/headers/Parting-Callback-Url";

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsHostName(std::string_view name) {
  if (name.empty() || name.size() > 253) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
  });
}

Status Refused(const std::string& why) { return Status::Invalid({{kPointer, why}}); }

struct Target {
  std::string host;
  Poco::UInt16 port = 80;
};

Result<Target> ParseUrl(std::string_view url) {
  Poco::URI uri;
  try {
    uri = Poco::URI(std::string(url));
  } catch (const Poco::Exception&) {
    return Refused("is not a URL");
  }
  if (uri.getScheme() != "http" && uri.getScheme() != "https")
    return Refused(
        "must be an http:// or https:// URL (callbacks are sent to an allowed host only)");
  if (uri.getHost().empty()) return Refused("has no host");
  if (!uri.getUserInfo().empty()) return Refused("must not carry a user name or password");
  return Target{Lower(uri.getHost()), uri.getPort()};
}

}  // namespace

Result<CallbackAllowList> CallbackAllowList::Parse(std::string_view list) {
  CallbackAllowList allow;
  std::string entry;
  auto flush = [&]() -> Status {
    if (entry.empty()) return Status::Ok();
    const std::size_t slash = entry.find('/');
    Poco::Net::IPAddress address;
    const std::string host = entry.substr(0, slash);
    if (Poco::Net::IPAddress::tryParse(host, address)) {
      const unsigned bits = address.family() == Poco::Net::IPAddress::IPv4 ? 32 : 128;
      unsigned prefix = bits;
      if (slash != std::string::npos) {
        const std::string digits = entry.substr(slash + 1);
        if (digits.empty() || digits.size() > 3 ||
            !std::all_of(digits.begin(), digits.end(), ::isdigit) || std::stoul(digits) > bits)
          return Status::Invalid({{"", "'" + entry + "' is not a CIDR range"}});
        prefix = static_cast<unsigned>(std::stoul(digits));
      }
      allow.ranges_.push_back({address, prefix});
    } else if (slash == std::string::npos && IsHostName(entry)) {
      allow.names_.push_back(Lower(entry));
    } else {
      return Status::Invalid({{"", "'" + entry + "' is neither a host name nor a CIDR range"}});
    }
    entry.clear();
    return Status::Ok();
  };
  for (char c : list) {
    if (c == ',' || c == ' ' || c == '\t' || c == '\n') {
      if (Status status = flush(); !status.ok()) return status;
    } else {
      entry += c;
    }
  }
  if (Status status = flush(); !status.ok()) return status;
  return allow;
}

bool CallbackAllowList::InRanges(const Poco::Net::IPAddress& address) const {
  for (const Range& range : ranges_) {
    if (range.network.family() != address.family()) continue;
    const Poco::Net::IPAddress mask(range.prefix, address.family());
    if ((address & mask) == (range.network & mask)) return true;
  }
  return false;
}

Status CallbackAllowList::Check(std::string_view url) const {
  auto resolved = Resolve(url);
  return resolved.ok() ? Status::Ok() : resolved.status();
}

Result<Poco::Net::SocketAddress> CallbackAllowList::Resolve(std::string_view url) const {
  if (empty()) return Refused("callbacks are off: the operator allows no host (--callback-allow)");
  auto target = ParseUrl(url);
  if (!target.ok()) return target.status();
  Poco::Net::IPAddress literal;
  if (Poco::Net::IPAddress::tryParse(target->host, literal)) {
    if (!InRanges(literal)) return Refused("its address is not in an allowed range");
    return Poco::Net::SocketAddress(literal, target->port);
  }
  const bool named = std::find(names_.begin(), names_.end(), target->host) != names_.end();
  if (!named && ranges_.empty()) return Refused("host '" + target->host + "' is not allowed");
  std::vector<Poco::Net::IPAddress> addresses;
  try {
    addresses = Poco::Net::DNS::resolve(target->host).addresses();
  } catch (const Poco::Exception&) {
    return Refused("host '" + target->host + "' cannot be resolved");
  }
  if (addresses.empty()) return Refused("host '" + target->host + "' cannot be resolved");
  if (!named)
    for (const Poco::Net::IPAddress& address : addresses)
      if (!InRanges(address))
        return Refused("host '" + target->host + "' resolves outside the allowed ranges");
  return Poco::Net::SocketAddress(addresses.front(), target->port);
}

}  // namespace parting::jobs
