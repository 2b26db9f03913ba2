// Writing a command's output: whole files only, never half-written ones.
#pragma once

#include <filesystem>
#include <string_view>

#include "parting/status.h"

namespace parting::cli {

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// flushed to disk and renamed over `path`: afterwards `path` is either what
/// it was before or the complete new content. On failure the temporary file
/// is removed and an Internal status says why.
Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes);

/// Writes `bytes` to standard output; Internal when it cannot.
Status WriteStandardOutput(std::string_view bytes);

}  // namespace parting::cli
