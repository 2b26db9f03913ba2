#include "test_support.h"

#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

namespace parting::testing {

std::filesystem::path SourceDir() { return PARTING_SOURCE_DIR; }
std::filesystem::path PartingBinary() { return PARTING_BINARY; }

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path.string());
  out << bytes;
}

std::string RunCommand(const std::string& command, int* status) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) output.append(buf.data(), n);
  const int rc = pclose(pipe);
  if (status) *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return output;
}

std::filesystem::path TempDir(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "XXXXXX")).string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  return pattern;
}

ThrowAwayIdentity MakeThrowAwayIdentity(const std::string& prefix, const std::string& key_kind,
                                        const std::string& common_name) {
  ThrowAwayIdentity id;
  id.dir = TempDir(prefix);
  id.certificate = id.dir / "cert.pem";
  id.key = id.dir / "key.pem";
  id.p12 = id.dir / "id.p12";
  int status = 0;
  std::string output = RunCommand("openssl req -x509 -newkey " + key_kind +
                                      " -nodes -days 2 -subj '/CN=" + common_name + "' -keyout '" +
                                      id.key.string() + "' -out '" + id.certificate.string() +
                                      "' 2>&1",
                                  &status);
  if (status == 0)
    output = RunCommand("openssl pkcs12 -export -passout pass:secret -inkey '" + id.key.string() +
                            "' -in '" + id.certificate.string() + "' -out '" + id.p12.string() +
                            "' 2>&1",
                        &status);
  if (status != 0) throw std::runtime_error("openssl: " + output);
  return id;
}

}  // namespace parting::testing
