#include "interpreter/files/entry_copy.h"

#include <fcntl.h>
#include <unistd.h>

#include <vector>

#include "interpreter/files/file_descriptor.h"
#include "interpreter/files/file_error.h"

namespace planrun {
namespace {

constexpr mode_t kPermissionBits = 07777;
constexpr size_t kChunk = 1 << 30;

// copy_file_range cannot copy between these (another file system on an old kernel, a special
// file system): the bytes then pass through user space.
bool kernel_copy_unsupported(int error) {
  return error == EXDEV || error == EINVAL || error == ENOSYS || error == EOPNOTSUPP || error == EPERM;
}

uint64_t copy_through_user_space(int from, int to, const std::filesystem::path& to_path) {
  thread_local std::vector<char> buffer(1 << 20);
  uint64_t copied = 0;
  for (;;) {
    ssize_t got = ::read(from, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw_file_error("read the source of", to_path);
    if (got == 0) return copied;
    write_all(to, std::string_view(buffer.data(), static_cast<size_t>(got)), to_path);
    copied += static_cast<uint64_t>(got);
  }
}

uint64_t copy_bytes(int from, int to, const std::filesystem::path& to_path) {
  uint64_t copied = 0;
  for (;;) {
    ssize_t now = ::copy_file_range(from, nullptr, to, nullptr, kChunk, 0);
    if (now < 0 && errno == EINTR) continue;
    if (now < 0 && kernel_copy_unsupported(errno)) return copied + copy_through_user_space(from, to, to_path);
    if (now < 0) throw_file_error("copy into", to_path);
    if (now == 0) return copied;
    copied += static_cast<uint64_t>(now);
  }
}

void set_times(int directory_fd, const char* name, const struct stat& status, int flags,
               const std::filesystem::path& path) {
  struct timespec times[2] = {status.st_atim, status.st_mtim};
  if (::utimensat(directory_fd, name, times, flags) != 0) throw_file_error("set the times of", path);
}

void set_owner(const std::filesystem::path& path, const struct stat& status) {
  if (::lchown(path.c_str(), status.st_uid, status.st_gid) != 0) throw_file_error("set the owner of", path);
}

}  // namespace

uint64_t copy_file_exact(const std::filesystem::path& from, const struct stat& status,
                         const std::filesystem::path& to, bool preserve_owner) {
  FileDescriptor source(::open(from.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (!source.valid()) throw_file_error("open", from);
  FileDescriptor copy(::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!copy.valid()) throw_file_error("create", to);
  uint64_t copied = copy_bytes(source.get(), copy.get(), to);
  // Start writing the bytes to disk now, without waiting: the disk works while the next files
  // are copied, and the sync that makes them durable later has less left to wait for.
  ::sync_file_range(copy.get(), 0, 0, SYNC_FILE_RANGE_WRITE);
  if (copied != static_cast<uint64_t>(status.st_size))
    throw_file_error("copy '" + from.string() + "' (it changed while it was copied) to", to, EAGAIN);
  // Owner before mode: chown clears the setuid and setgid bits.
  if (preserve_owner && ::fchown(copy.get(), status.st_uid, status.st_gid) != 0) throw_file_error("set the owner of", to);
  if (::fchmod(copy.get(), status.st_mode & kPermissionBits) != 0) throw_file_error("set the mode of", to);
  struct timespec times[2] = {status.st_atim, status.st_mtim};
  if (::futimens(copy.get(), times) != 0) throw_file_error("set the times of", to);
  return copied;
}

void create_symlink_exact(const std::string& target, const struct stat& status, const std::filesystem::path& to,
                          bool preserve_owner) {
  if (::symlink(target.c_str(), to.c_str()) != 0) throw_file_error("create the symlink", to);
  if (preserve_owner) set_owner(to, status);
  set_times(AT_FDCWD, to.c_str(), status, AT_SYMLINK_NOFOLLOW, to);
}

void apply_metadata(const std::filesystem::path& path, const struct stat& status, bool preserve_owner) {
  if (preserve_owner) set_owner(path, status);
  if (::chmod(path.c_str(), status.st_mode & kPermissionBits) != 0) throw_file_error("set the mode of", path);
  set_times(AT_FDCWD, path.c_str(), status, 0, path);
}

bool same_metadata(const struct stat& source, const struct stat& existing, bool preserve_owner) {
  bool same = (source.st_mode & S_IFMT) == (existing.st_mode & S_IFMT) && source.st_size == existing.st_size &&
              (source.st_mode & kPermissionBits) == (existing.st_mode & kPermissionBits) &&
              source.st_mtim.tv_sec == existing.st_mtim.tv_sec && source.st_mtim.tv_nsec == existing.st_mtim.tv_nsec;
  return same && (!preserve_owner || (source.st_uid == existing.st_uid && source.st_gid == existing.st_gid));
}

}  // namespace planrun
