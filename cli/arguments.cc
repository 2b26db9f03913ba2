#include "cli/arguments.h"

#include <charconv>

namespace parting::cli {

std::optional<Arguments> ParseArguments(const std::vector<std::string>& args,
                                        const std::vector<FlagSpec>& flags, std::string* error) {
  Arguments parsed;
  bool flags_ended = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_ended || arg == "-" || !arg.starts_with("-")) {
      parsed.positionals.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_ended = true;
      continue;
    }
    const size_t equals = arg.find('=');
    const std::string_view name = std::string_view(arg).substr(0, equals);
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& candidate : flags)
      if (candidate.name == name || (!candidate.alias.empty() && candidate.alias == name))
        spec = &candidate;
    if (!spec) {
      *error = "unknown option " + std::string(name);
      return std::nullopt;
    }
    std::string value;
    if (equals != std::string::npos) {
      value = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      *error = "option " + std::string(name) + " needs a value";
      return std::nullopt;
    }
    if (parsed.flags.contains(spec->name)) {
      *error = "option " + std::string(spec->name) + " given twice";
      return std::nullopt;
    }
    parsed.flags.emplace(std::string(spec->name), std::move(value));
  }
  return parsed;
}

std::optional<long long> ParseNumber(std::string_view text, long long min, long long max) {
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
    return std::nullopt;
  return value;
}

}  // namespace parting::cli
