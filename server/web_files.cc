#include "server/web_files.h"

#include <algorithm>
#include <array>
#include <system_error>
#include <utility>

namespace parting::server {
namespace {

bool IsInside(const std::filesystem::path& root, const std::filesystem::path& file) {
  const auto [root_end, file_it] =
      std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  return root_end == root.end() && file_it != file.end();
}

}  // namespace

WebFileLookup LookUpWebFile(const std::filesystem::path& web_root, std::string_view url_path) {
  using Outcome = WebFileLookup::Outcome;
  if (url_path.empty() || url_path.front() != '/') return {Outcome::kMalformed, {}};
  if (url_path.find('\0') != std::string_view::npos ||
      url_path.find('\\') != std::string_view::npos)
    return {Outcome::kMalformed, {}};
  if (url_path == "/") url_path = "/index.html";

  std::filesystem::path relative;
  std::string_view rest = url_path.substr(1);
  while (true) {
    const size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    if (segment == "." || segment == "..") return {Outcome::kMalformed, {}};
    // Empty segments ("//", a trailing "/") name folders; dot files stay private.
    if (segment.empty() || segment.front() == '.') return {Outcome::kNotFound, {}};
    relative /= std::filesystem::path(std::string(segment));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }

  std::error_code error;
  const std::filesystem::path file = std::filesystem::canonical(web_root / relative, error);
  if (error || !IsInside(web_root, file)) return {Outcome::kNotFound, {}};
  if (!std::filesystem::is_regular_file(file, error) || error) return {Outcome::kNotFound, {}};
  return {Outcome::kFound, file};
}

std::string_view WebContentType(const std::filesystem::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"},
      {".woff2", "font/woff2"},
      {".webmanifest", "application/manifest+json"},
      {".map", "application/json"},
  }};
  const std::string extension = file.extension().string();
  for (const auto& [suffix, type] : kTypes)
    if (extension == suffix) return type;
  return "application/octet-stream";
}

}  // namespace parting::server
