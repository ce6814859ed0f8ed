#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

#include "interpreter/state/lock_owner.h"
#include "interpreter/state/network_file_system.h"
#include "interpreter/state/state_error.h"

namespace planrun {

// Thrown when another run holds the state directory; the CLI prints what() and exits 4:
//   state .planrun is locked by pid 123 on host build-7 since 2024-05-01T12:00:00Z (heartbeat 2s ago)
struct LockedError : StateError {
  LockedError(std::filesystem::path state_dir, std::optional<LockOwner> owner);

  std::filesystem::path state_dir;
  std::optional<LockOwner> owner;  // empty when the holder has not recorded itself
};

struct RunLockOptions {
  // How often an internal thread refreshes heartbeat_at; zero starts no thread, and the owner
  // calls heartbeat() itself.
  std::chrono::milliseconds heartbeat_interval{std::chrono::seconds(10)};
  // `planrun unlock` removes a lock recorded by another host without --force only when its
  // heartbeat is older than this: a flock may not reach across hosts, so that owner could be
  // alive. A run never takes such a lock over, however old.
  std::chrono::milliseconds foreign_stale_after{std::chrono::minutes(5)};
  // A state directory on a network file system is refused unless this is set
  // (`run --allow-network-state`).
  bool allow_network_file_system = false;
  FileSystemTypeProbe file_system_type = statfs_type;
};

// One run per state directory: held from construction to destruction, by this process only.
// The mechanism and the file format are in lock_file.h.
//
// A lock left by a dead process on this host is taken over (a free flock proves the owner dead).
// A lock recorded by another host is never taken over: its owner's flock may not be visible from
// here, and two hosts writing one state would corrupt it; `planrun unlock` removes it.
class RunLock {
 public:
  // Takes the lock of `state_dir` (creating the directory as StateStore does). Throws LockedError
  // when a live run or another host holds it, StateError when the lock file cannot be used or
  // the directory is on a network file system that the options do not allow.
  explicit RunLock(const std::filesystem::path& state_dir, RunLockOptions options = {});
  ~RunLock();  // releases: the file is left empty
  RunLock(RunLock&&) noexcept;
  RunLock& operator=(RunLock&&) noexcept;

  // This process's record, as written into the lock file.
  LockOwner owner() const;
  // The dead owner whose lock was taken over, for the caller to warn about; empty when the lock
  // was free.
  const std::optional<LockOwner>& taken_over() const;

  // Records a sign of life now. Throws StateError when the lock file cannot be written.
  void heartbeat();

  // The owner recorded in `state_dir`'s lock file, alive or not; empty when there is none.
  static std::optional<LockOwner> read_owner(const std::filesystem::path& state_dir);
  // Whether some process holds `state_dir`'s lock right now (on this host's view of the flock).
  static bool is_held(const std::filesystem::path& state_dir);
  // `planrun unlock`: removes a lock left behind and returns its owner (empty: there was none).
  // Refuses with LockedError while a live run holds it, unless `force`; a forced unlock removes
  // the lock file, so the next run proceeds even if the old one is still running.
  static std::optional<LockOwner> unlock(const std::filesystem::path& state_dir,
                                         bool force = false);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace planrun
