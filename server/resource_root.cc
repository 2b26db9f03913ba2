#include "parting/resource_root.h"

#include <cstdlib>
#include <system_error>
#include <vector>

namespace parting::server {
namespace {

// Each of `start` and its parents.
void AddWithParents(std::filesystem::path start, std::vector<std::filesystem::path>& out) {
  while (!start.empty()) {
    out.push_back(start);
    if (start == start.parent_path()) break;
    start = start.parent_path();
  }
}

}  // namespace

bool IsResourceRoot(const std::filesystem::path& folder) {
  std::error_code error;
  return std::filesystem::is_directory(folder / "letter_templates", error);
}

Result<std::filesystem::path> FindResourceRoot(
    const std::optional<std::filesystem::path>& explicit_root) {
  std::optional<std::filesystem::path> given = explicit_root;
  const char* from_environment = std::getenv("PARTING_ROOT");
  if (!given && from_environment && *from_environment) given = from_environment;
  if (given) {
    if (IsResourceRoot(*given)) return *given;
    return Status::NotFound(given->string() +
                            " does not hold the resources (letter_templates/, fonts/, web/)");
  }

  std::vector<std::filesystem::path> candidates;
  std::error_code error;
  const std::filesystem::path binary = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    AddWithParents(binary.parent_path(), candidates);
    candidates.push_back(binary.parent_path().parent_path() / "share" / "parting");
  }
  const std::filesystem::path current = std::filesystem::current_path(error);
  if (!error) AddWithParents(current, candidates);
  for (const std::filesystem::path& candidate : candidates)
    if (IsResourceRoot(candidate)) return candidate;
  return Status::NotFound(
      "cannot find the resources (letter_templates/, fonts/, web/) near the binary or the "
      "current folder; pass --root DIR or set PARTING_ROOT");
}

}  // namespace parting::server
