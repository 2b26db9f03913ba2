// CallbackAllowList: the hosts a job's callback may call (--callback-allow,
// PARTING_CALLBACK_ALLOW): host names, IP addresses and CIDR ranges,
// separated by commas or spaces. Empty by default, so that a client cannot
// make the service call into its own network.
//
// A URL is allowed when its scheme is http or https, and its host is a listed name
// (case-insensitive), or an address (literal, or every address the name
// resolves to) inside a listed range. Resolve() answers the address to
// connect to, checked again at call time, so a name that changes its
// address after the job was created cannot lead elsewhere. Value type.
//
//   auto allow = CallbackAllowList::Parse("hooks.example.com, 10.0.0.0/8");
//   Status ok = allow->Check("http://hooks.example.com/parting");
#pragma once

#include <Poco/Net/IPAddress.h>
#include <Poco/Net/SocketAddress.h>

#include <string>
#include <string_view>
#include <vector>

#include "parting/status.h"

namespace parting::jobs {

inline constexpr std::string_view kCallbackHeader = "Parting-Callback-Url";

class CallbackAllowList {
 public:
  /// kInvalid (message names the entry) for an entry that is neither a
  /// host name nor an address nor a CIDR range.
  static Result<CallbackAllowList> Parse(std::string_view list);

  bool empty() const { return names_.empty() && ranges_.empty(); }

  /// Ok, or kInvalid with the pointer "/headers/Parting-Callback-Url" and
  /// why (not a URL, neither http nor https, host not allowed). Resolves names only when
  /// ranges are listed.
  Status Check(std::string_view url) const;

  /// The address to connect to for an allowed URL (checked again).
  Result<Poco::Net::SocketAddress> Resolve(std::string_view url) const;

 private:
  struct Range {
    Poco::Net::IPAddress network;
    unsigned prefix;
  };
  bool InRanges(const Poco::Net::IPAddress& address) const;

  std::vector<std::string> names_;  // lowercase
  std::vector<Range> ranges_;
};

}  // namespace parting::jobs
