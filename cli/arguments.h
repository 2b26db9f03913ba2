// Command-line arguments of one subcommand: its positionals and its flags.
//
// Flags are "--name value", "--name=value" or a declared short alias
// ("-o value"); "-" alone is a positional (standard input or output) and "--"
// ends the flags. Anything not declared is a usage error. Value type.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parting::cli {

struct FlagSpec {
  std::string_view name;   ///< "--output"
  std::string_view alias;  ///< "-o", or ""
};

struct Arguments {
  std::vector<std::string> positionals;
  std::map<std::string, std::string, std::less<>> flags;  ///< by long name

  std::optional<std::string> Flag(std::string_view name) const {
    const auto it = flags.find(name);
    if (it == flags.end()) return std::nullopt;
    return it->second;
  }
};

/// Parses `args` (after the subcommand). Returns the first usage error in
/// `error` and nullopt when one is found.
std::optional<Arguments> ParseArguments(const std::vector<std::string>& args,
                                        const std::vector<FlagSpec>& flags, std::string* error);

/// A whole number within [min, max], or nullopt.
std::optional<long long> ParseNumber(std::string_view text, long long min, long long max);

}  // namespace parting::cli
