// Writing a command's output: whole files only, never half-written ones.
#pragma once

#include <filesystem>
#include <string_view>

#include "parting/status.h"

namespace parting::cli {

enum class Flush {
  kNow,    ///< fsync before the rename: on disk when the call returns
  kLater,  ///< left to the caller, who flushes many files at once (FlushFolder)
};

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed over `path`: afterwards `path` is either what it was before or the
/// complete new content. On failure the temporary file is removed and an
/// Internal status says why.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                           Flush flush = Flush::kNow);

/// Flushes every file written to the file system that holds `folder` (one
/// syncfs: cheaper than an fsync per file of a batch).
Status FlushFolder(const std::filesystem::path& folder);

/// Writes `bytes` to standard output; Internal when it cannot.
Status WriteStandardOutput(std::string_view bytes);

}  // namespace parting::cli
