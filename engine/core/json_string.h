// JSON string literals for the engine's own JSON writers (the plan, the
// canonical request). Input is valid UTF-8 (the request stage checks it);
// only quotes, backslashes and control characters are escaped.
#pragma once

#include <string>
#include <string_view>

namespace parting {

/// Appends `text` to `out` as a quoted JSON string.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace parting
