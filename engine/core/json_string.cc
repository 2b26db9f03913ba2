#include "core/json_string.h"

#include <nlohmann/json.hpp>

namespace parting {

void AppendJsonString(std::string& out, std::string_view text) {
  out += nlohmann::json(text).dump(-1, ' ', /*ensure_ascii=*/false,
                                   nlohmann::json::error_handler_t::replace);
}

}  // namespace parting
