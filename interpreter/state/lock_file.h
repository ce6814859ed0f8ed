#pragma once

#include <filesystem>
#include <optional>

#include "interpreter/files/file_descriptor.h"
#include "interpreter/state/lock_owner.h"

namespace planrun {

// The file <state_dir>/lock. Holding flock(LOCK_EX) on it is holding the run lock; its content
// (LockOwner::to_line) says who holds it, for messages and for hosts that cannot see the flock.
//
// Why flock: the kernel drops it when the holding process dies however it dies, so on one host
// a file that names an owner while nobody holds the flock is certainly stale. flock belongs to
// the open file description, so a second open() in the same process conflicts too, and a child
// that inherits the descriptor shares the lock: the descriptor is close-on-exec, so commands that
// steps start (a server that daemonizes) never keep a dead run's lock.
//
// Why in place: the owner is rewritten with pwrite + ftruncate + fdatasync on the locked inode.
// Writing a temporary file and renaming it over `lock` would put a new inode there that nobody
// holds the flock on, and the next run would take it while this one runs.
class LockFile {
 public:
  // Opens the lock file, creating it (mode 0600) when `create`; nullopt when it does not exist
  // and !create. Throws StateError when it cannot be opened.
  static std::optional<LockFile> open(const std::filesystem::path& path, bool create);
  ~LockFile() = default;  // closing the descriptor releases the flock
  LockFile(LockFile&& other) noexcept = default;
  LockFile& operator=(LockFile&& other) = delete;

  // Takes the exclusive flock without blocking for long: retries for a moment, to ride out a
  // holder that is just releasing and `planrun status` probing. False: another holder has it.
  bool try_lock();
  // Whether some open file description holds the flock, without keeping it.
  bool is_locked_elsewhere();
  // Whether `path` still names the inode this file has open (`unlock --force` or a user may have
  // removed it between our open and our flock).
  bool is_current() const;

  std::optional<LockOwner> read() const;
  // Durable on return, so another host reading over a network file system sees the heartbeat.
  void write(const LockOwner& owner);
  // Leaves the file empty: released cleanly, no owner.
  void clear();

 private:
  LockFile(std::filesystem::path path, FileDescriptor fd) : path_(std::move(path)), fd_(std::move(fd)) {}
  [[noreturn]] void fail(const char* what) const;

  std::filesystem::path path_;
  FileDescriptor fd_;
};

}  // namespace planrun
