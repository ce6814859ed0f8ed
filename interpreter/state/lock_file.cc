#include "interpreter/state/lock_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>

#include "interpreter/state/state_error.h"

namespace planrun {

// How long try_lock keeps trying before it decides another process holds the lock.
static constexpr int kLockTries = 10;
static constexpr std::chrono::milliseconds kLockRetryDelay{20};

// The largest owner record read back; a real one is about 100 bytes.
static constexpr size_t kMaxRecord = 4096;

std::optional<LockFile> LockFile::open(const std::filesystem::path& path, bool create) {
  int flags = O_RDWR | O_CLOEXEC | O_NOFOLLOW | (create ? O_CREAT : 0);
  FileDescriptor fd(::open(path.c_str(), flags, 0600));
  if (!fd.valid() && errno == ENOENT && !create) return std::nullopt;
  if (!fd.valid()) {
    throw StateError("cannot open lock file " + path.string() + ": " + std::strerror(errno), StateError::Cause::System);
  }
  return LockFile(path, std::move(fd));
}

void LockFile::fail(const char* what) const {
  throw StateError(std::string("cannot ") + what + " lock file " + path_.string() + ": " + std::strerror(errno),
                   StateError::Cause::System);
}

bool LockFile::try_lock() {
  for (int attempt = 0; attempt < kLockTries; ++attempt) {
    if (::flock(fd_.get(), LOCK_EX | LOCK_NB) == 0) return true;
    if (errno != EWOULDBLOCK && errno != EINTR) fail("lock");
    std::this_thread::sleep_for(kLockRetryDelay);
  }
  return false;
}

bool LockFile::is_locked_elsewhere() {
  // A shared lock conflicts only with an exclusive one, so two probes never see each other.
  if (::flock(fd_.get(), LOCK_SH | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) fail("probe");
    return true;
  }
  ::flock(fd_.get(), LOCK_UN);
  return false;
}

bool LockFile::is_current() const {
  struct stat opened {}, named {};
  if (::fstat(fd_.get(), &opened) != 0) fail("inspect");
  if (::stat(path_.c_str(), &named) != 0) return false;
  return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
}

std::optional<LockOwner> LockFile::read() const {
  std::string text(kMaxRecord, '\0');
  ssize_t size = ::pread(fd_.get(), text.data(), text.size(), 0);
  if (size < 0) fail("read");
  text.resize(static_cast<size_t>(size));
  return LockOwner::parse(text);
}

void LockFile::write(const LockOwner& owner) {
  // A reader between pwrite and ftruncate sees the new line followed by the tail of the old
  // one; LockOwner::parse reads only up to the first newline.
  std::string line = owner.to_line();
  ssize_t written = ::pwrite(fd_.get(), line.data(), line.size(), 0);
  if (written != static_cast<ssize_t>(line.size())) fail("write");
  if (::ftruncate(fd_.get(), static_cast<off_t>(line.size())) != 0) fail("truncate");
  if (::fdatasync(fd_.get()) != 0) fail("sync");
}

void LockFile::clear() {
  if (::ftruncate(fd_.get(), 0) != 0) fail("truncate");
}

}  // namespace planrun
