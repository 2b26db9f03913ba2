// Helpers shared by the tests: paths into the source tree and file access.
#pragma once

#include <filesystem>
#include <string>

namespace parting::testing {

/// The project's source folder (letter_templates/, fonts/, samples).
std::filesystem::path SourceDir();
/// The built `parting` binary.
std::filesystem::path PartingBinary();
/// Whole file as bytes; throws std::runtime_error when it cannot be read.
std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& bytes);
/// Runs a shell command, returns its standard output; `status` gets the exit code.
std::string RunCommand(const std::string& command, int* status = nullptr);
/// A fresh empty folder below the system temp folder.
std::filesystem::path TempDir(const std::string& prefix);

}  // namespace parting::testing
