#include "interpreter/files/durable_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace planrun {
namespace {

[[noreturn]] void fail(const std::string& operation, const std::filesystem::path& path) {
  throw std::system_error(errno, std::generic_category(), "cannot " + operation + " '" + path.string() + "'");
}

// Closes the descriptor on every path out, so an exception leaks nothing.
struct FileDescriptor {
  int fd;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) fail("write", path);
    bytes.remove_prefix(static_cast<size_t>(written));
  }
}

}  // namespace

void sync_directory(const std::filesystem::path& directory) {
  FileDescriptor dir{::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dir.fd < 0) fail("open directory", directory);
  if (::fsync(dir.fd) != 0) fail("sync directory", directory);
}

void write_file_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode) {
  std::filesystem::path temporary = path;
  temporary += ".tmp-" + std::to_string(::getpid());
  {
    FileDescriptor file{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)};
    if (file.fd < 0) fail("create", temporary);
    write_all(file.fd, bytes, temporary);
    if (::fchmod(file.fd, mode) != 0) fail("set the mode of", temporary);  // the umask must not widen or narrow it
    if (::fdatasync(file.fd) != 0) fail("sync", temporary);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temporary.c_str());
    errno = error;
    fail("rename into", path);
  }
  sync_directory(path.parent_path());
}

}  // namespace planrun
