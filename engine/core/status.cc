#include "parting/status.h"

namespace parting {

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out = message_;
  for (size_t i = 0; i < errors_.size(); ++i) {
    out += i == 0 ? ": " : "; ";
    out += errors_[i].pointer.empty() ? "/" : errors_[i].pointer;
    out += ": ";
    out += errors_[i].message;
  }
  return out;
}

}  // namespace parting
