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

/// A throw-away self-signed certificate and its key (PEM), made by the
/// openssl command in a fresh folder `dir`, with a PKCS#12 bundle of both
/// (password "secret"). `key_kind` as `openssl req -newkey` takes it.
struct ThrowAwayIdentity {
  std::filesystem::path dir, certificate, key, p12;
};
/// Throws std::runtime_error (with openssl's output) when openssl fails.
ThrowAwayIdentity MakeThrowAwayIdentity(const std::string& prefix,
                                        const std::string& key_kind = "rsa:2048",
                                        const std::string& common_name = "Nordlicht Consulting GmbH");

}  // namespace parting::testing
