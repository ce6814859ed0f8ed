#include "interpreter/files/durable_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

#include "interpreter/files/file_descriptor.h"
#include "interpreter/files/file_error.h"

namespace planrun {
namespace {

[[noreturn]] void fail(const std::string& operation, const std::filesystem::path& path) {
  throw_file_error(operation, path);
}

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) fail("write", path);
    bytes.remove_prefix(static_cast<size_t>(written));
  }
}

}  // namespace

void sync_file_system(const std::filesystem::path& path) {
  FileDescriptor any(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!any.valid()) fail("open", path);
  if (::syncfs(any.get()) != 0) fail("sync the file system of", path);
}

void sync_directory(const std::filesystem::path& directory) {
  FileDescriptor dir(::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) fail("open directory", directory);
  if (::fsync(dir.get()) != 0) fail("sync directory", directory);
}

void write_file_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode) {
  std::filesystem::path temporary = path;
  temporary += ".tmp-" + std::to_string(::getpid());
  {
    FileDescriptor file(::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
    if (file.get() < 0) fail("create", temporary);
    write_all(file.get(), bytes, temporary);
    if (::fchmod(file.get(), mode) != 0) fail("set the mode of", temporary);  // the umask must not widen or narrow it
    if (::fdatasync(file.get()) != 0) fail("sync", temporary);
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
