#include "interpreter/files/durable_write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

#include "interpreter/files/file_descriptor.h"
#include "interpreter/files/file_error.h"

namespace planrun {
namespace {

// A file created under a name of its own beside `target` (mkostemp picks it, so no two calls
// share one), removed when it goes unless it was renamed into place.
class TemporaryFile {
 public:
  explicit TemporaryFile(const std::filesystem::path& target) {
    std::string name = target.string() + ".tmp-XXXXXX";
    file_.reset(::mkostemp(name.data(), O_CLOEXEC));
    if (!file_.valid()) throw_file_error("create", name);
    path_ = name;
  }
  ~TemporaryFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;

  int fd() const { return file_.get(); }
  const std::filesystem::path& path() const { return path_; }
  void close() { file_.reset(); }
  // Renames it over `target`; it is then no longer this object's to remove.
  void rename_to(const std::filesystem::path& target) {
    if (::rename(path_.c_str(), target.c_str()) != 0) throw_file_error("rename into", target);
    path_.clear();
  }

 private:
  FileDescriptor file_;
  std::filesystem::path path_;
};

}  // namespace

void sync_file_system(const std::filesystem::path& path) {
  FileDescriptor any(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!any.valid()) throw_file_error("open", path);
  if (::syncfs(any.get()) != 0) throw_file_error("sync the file system of", path);
}

void sync_directory(const std::filesystem::path& directory) {
  FileDescriptor dir(::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir.valid()) throw_file_error("open directory", directory);
  if (::fsync(dir.get()) != 0) throw_file_error("sync directory", directory);
}

void sync_file(const std::filesystem::path& path) {
  FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!file.valid()) throw_file_error("open", path);
  if (::fdatasync(file.get()) != 0) throw_file_error("sync", path);
}

void write_file_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode) {
  TemporaryFile temporary(path);
  write_all(temporary.fd(), bytes, temporary.path());
  // mkostemp creates the file 0600, and the umask must neither widen nor narrow `mode`.
  if (::fchmod(temporary.fd(), mode) != 0) throw_file_error("set the mode of", temporary.path());
  if (::fdatasync(temporary.fd()) != 0) throw_file_error("sync", temporary.path());
  temporary.close();
  temporary.rename_to(path);
  sync_directory(path.parent_path());
}

void publish_durably(const std::filesystem::path& temporary, const std::filesystem::path& path) {
  sync_file(temporary);
  if (::rename(temporary.c_str(), path.c_str()) != 0) throw_file_error("rename into", path);
  sync_directory(path.parent_path());
}

}  // namespace planrun
