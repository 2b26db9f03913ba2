// The web form's static files: which file a URL path names, and its type.
//
// Only regular files inside the web folder are ever named: "." and ".."
// segments, backslashes and NUL bytes are malformed; hidden files, folders
// and anything that resolves outside the folder (a symlink out) are not
// found. Pure functions over the file system, thread-safe.
#pragma once

#include <filesystem>
#include <string_view>

namespace parting::server {

struct WebFileLookup {
  enum class Outcome { kFound, kMalformed, kNotFound };
  Outcome outcome = Outcome::kNotFound;
  std::filesystem::path file;  ///< canonical, when kFound
};

/// Looks up a decoded URL path ("/", "/app.js") below `web_root`, which must
/// be canonical. "/" names index.html.
WebFileLookup LookUpWebFile(const std::filesystem::path& web_root, std::string_view url_path);

/// The Content-Type for a file, by extension; text types carry charset=utf-8.
/// application/octet-stream for unknown extensions.
std::string_view WebContentType(const std::filesystem::path& file);

}  // namespace parting::server
