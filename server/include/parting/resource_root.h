// Finding the folder that holds letter_templates/, fonts/ and web/.
//
// In order: an explicit --root; $PARTING_ROOT; the folder of the running
// binary or one of its parents (a build folder inside the source tree);
// ../share/parting next to an installed binary; the current folder or one of
// its parents. Reads the file system and the environment.
#pragma once

#include <filesystem>
#include <optional>

#include "parting/status.h"

namespace parting::server {

/// True when `folder` holds letter_templates/.
bool IsResourceRoot(const std::filesystem::path& folder);

/// The resource folder. An explicit root (argument or $PARTING_ROOT) is
/// taken as is, and NotFound when it is not a resource folder; otherwise
/// NotFound when no candidate is.
Result<std::filesystem::path> FindResourceRoot(
    const std::optional<std::filesystem::path>& explicit_root);

}  // namespace parting::server
