#include "core/placeholder.h"

namespace parting {

void FillPlaceholder(std::string& text, std::string_view placeholder, std::string_view value) {
  if (placeholder.empty()) return;
  for (size_t at = text.find(placeholder); at != std::string::npos;
       at = text.find(placeholder, at + value.size()))
    text.replace(at, placeholder.size(), value);
}

}  // namespace parting
