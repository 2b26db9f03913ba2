#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace parting::cli {
namespace {

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

Status Failed(const std::filesystem::path& path, const std::string& what) {
  return Status::Internal("cannot write " + path.string() + ": " + what + ": " +
                          std::strerror(errno));
}

}  // namespace

Status WriteFileAtomically(const std::filesystem::path& path, std::string_view bytes,
                           Flush flush) {
  const std::filesystem::path folder =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string temp = (folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return Failed(path, "cannot create a temporary file");

  // mkstemp creates 0600; the finished file gets the usual umask-based mode.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  bool ok = ::fchmod(fd, 0666 & ~mask) == 0;
  ok = ok && WriteAll(fd, bytes) && (flush == Flush::kLater || ::fsync(fd) == 0);
  const int saved_errno = errno;
  ok = (::close(fd) == 0) && ok;
  if (ok && ::rename(temp.c_str(), path.c_str()) == 0) return Status::Ok();
  if (!ok) errno = saved_errno;
  Status status = Failed(path, ok ? "cannot rename the temporary file" : "write failed");
  ::unlink(temp.c_str());
  return status;
}

Status FlushFolder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Failed(folder, "cannot open the folder");
  const bool ok = ::syncfs(fd) == 0;
  const int saved_errno = errno;
  ::close(fd);
  if (ok) return Status::Ok();
  errno = saved_errno;
  return Failed(folder, "cannot flush the folder's files to disk");
}

Status WriteStandardOutput(std::string_view bytes) {
  if (!WriteAll(STDOUT_FILENO, bytes))
    return Status::Internal(std::string("cannot write to standard output: ") +
                            std::strerror(errno));
  return Status::Ok();
}

}  // namespace parting::cli
