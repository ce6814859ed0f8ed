#include "interpreter/state/run_lock.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "tests/state/scratch_dir.h"
#include "tests/state/state_printers.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::ScratchDir;

// Tests beat by hand unless they test the heartbeat thread.
constexpr RunLockOptions kNoThread{.heartbeat_interval = 0ms};

// The LockedError that taking `dir`'s lock throws; fails the test when the lock is taken.
LockedError locked_error(const fs::path& dir, RunLockOptions options = kNoThread) {
  try {
    RunLock lock(dir, options);
  } catch (const LockedError& error) {
    return error;
  }
  ADD_FAILURE() << "took a lock that is held";
  return LockedError(dir, std::nullopt);
}

// A child process that takes `dir`'s lock, then waits for one byte from the parent and exits:
// releasing the lock cleanly, or (`crash`) dying with it held.
class LockingChild {
 public:
  LockingChild(const fs::path& dir, bool crash) {
    int ready[2], go[2];
    if (::pipe(ready) != 0 || ::pipe(go) != 0) std::abort();
    pid_ = ::fork();
    if (pid_ < 0) std::abort();
    if (pid_ == 0) run(dir, crash, ready[1], go[0]);
    ::close(ready[1]);
    ::close(go[0]);
    go_ = go[1];
    char byte = 0;
    locked_ = ::read(ready[0], &byte, 1) == 1;
    ::close(ready[0]);
  }

  pid_t pid() const { return pid_; }
  bool locked() const { return locked_; }

  // Lets the child go on and returns its exit status.
  int finish() {
    char byte = 'x';
    if (::write(go_, &byte, 1) != 1) ADD_FAILURE() << "the child is gone";
    ::close(go_);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    return status;
  }

 private:
  [[noreturn]] static void run(const fs::path& dir, bool crash, int ready, int go) {
    try {
      RunLock lock(dir, kNoThread);
      char byte = 'r';
      if (::write(ready, &byte, 1) != 1) ::_exit(2);
      if (::read(go, &byte, 1) != 1) ::_exit(3);
      if (crash) ::_exit(0);  // no destructor: the owner stays recorded, the kernel drops the flock
    } catch (...) {
      ::_exit(1);
    }
    ::_exit(0);
  }

  pid_t pid_ = 0;
  int go_ = -1;
  bool locked_ = false;
};

// Writes an owner record into `dir`'s lock file as a run on `host` would have left it.
void leave_lock(const fs::path& dir, int64_t pid, const std::string& host, WallTime heartbeat) {
  LockOwner owner{pid, host, heartbeat - 1h, heartbeat};
  fs::create_directories(dir);
  testing::write_file(dir / "lock", owner.to_line());
}

TEST(RunLock, RecordsItsOwner) {
  ScratchDir scratch;
  WallTime before = wall_now();
  RunLock lock(scratch.path, kNoThread);
  LockOwner owner = lock.owner();
  EXPECT_EQ(owner.pid, ::getpid());
  EXPECT_EQ(owner.host, this_host());
  EXPECT_GE(owner.started_at, before);
  EXPECT_EQ(RunLock::read_owner(scratch.path), owner);
  EXPECT_EQ(lock.taken_over(), std::nullopt);
  EXPECT_TRUE(RunLock::is_held(scratch.path));
  EXPECT_EQ(testing::read_file(scratch.path / ".gitignore"), "*\n");
}

TEST(RunLock, SecondLockInTheSameProcessIsRefused) {
  // flock belongs to the open file description: a second open() conflicts with the first.
  ScratchDir scratch;
  RunLock lock(scratch.path, kNoThread);
  LockedError error = locked_error(scratch.path);
  ASSERT_TRUE(error.owner.has_value());
  EXPECT_EQ(*error.owner, lock.owner());
  EXPECT_EQ(error.state_dir, scratch.path);
  EXPECT_EQ(std::string(error.what()),
            "state " + scratch.path.string() + " is locked by pid " + std::to_string(::getpid()) +
                " on host " + this_host() + " since " + format_utc(lock.owner().started_at) +
                " (heartbeat 0s ago)");
}

TEST(RunLock, ReleaseLeavesNothingToTakeOver) {
  ScratchDir scratch;
  { RunLock lock(scratch.path, kNoThread); }
  EXPECT_EQ(RunLock::read_owner(scratch.path), std::nullopt);
  EXPECT_FALSE(RunLock::is_held(scratch.path));
  RunLock again(scratch.path, kNoThread);
  EXPECT_EQ(again.taken_over(), std::nullopt);
}

TEST(RunLock, LockHeldByAChildProcessIsRefused) {
  ScratchDir scratch;
  LockingChild child(scratch.path, /*crash=*/false);
  ASSERT_TRUE(child.locked());
  LockedError error = locked_error(scratch.path);
  ASSERT_TRUE(error.owner.has_value());
  EXPECT_EQ(error.owner->pid, child.pid());
  EXPECT_NE(std::string(error.what()).find("locked by pid " + std::to_string(child.pid())),
            std::string::npos);
  EXPECT_TRUE(RunLock::is_held(scratch.path));
  EXPECT_THROW(RunLock::unlock(scratch.path), LockedError);

  EXPECT_EQ(child.finish(), 0);
  RunLock lock(scratch.path, kNoThread);
  EXPECT_EQ(lock.taken_over(), std::nullopt);  // released cleanly
}

TEST(RunLock, LockOfADeadProcessIsTakenOver) {
  ScratchDir scratch;
  LockingChild child(scratch.path, /*crash=*/true);
  ASSERT_TRUE(child.locked());
  pid_t dead = child.pid();
  EXPECT_EQ(child.finish(), 0);
  ASSERT_TRUE(RunLock::read_owner(scratch.path).has_value());
  EXPECT_EQ(RunLock::read_owner(scratch.path)->pid, dead);
  EXPECT_FALSE(RunLock::is_held(scratch.path));

  RunLock lock(scratch.path, kNoThread);
  ASSERT_TRUE(lock.taken_over().has_value());
  EXPECT_EQ(lock.taken_over()->pid, dead);
  EXPECT_EQ(RunLock::read_owner(scratch.path)->pid, ::getpid());
}

TEST(RunLock, UnlockRefusesWhileHeldUnlessForced) {
  ScratchDir scratch;
  auto first = std::make_unique<RunLock>(scratch.path, kNoThread);
  EXPECT_THROW(RunLock::unlock(scratch.path), LockedError);
  EXPECT_EQ(RunLock::read_owner(scratch.path), first->owner());  // refused: nothing changed

  EXPECT_EQ(RunLock::unlock(scratch.path, /*force=*/true), first->owner());
  EXPECT_FALSE(fs::exists(scratch.path / "lock"));
  RunLock second(scratch.path, kNoThread);  // a new lock file, though the first still runs
  first.reset();  // releasing the removed file does not touch the new one
  EXPECT_EQ(RunLock::read_owner(scratch.path), second.owner());
  EXPECT_THROW(RunLock::unlock(scratch.path), LockedError);
}

TEST(RunLock, UnlockClearsALockLeftBehind) {
  ScratchDir scratch;
  EXPECT_EQ(RunLock::unlock(scratch.path), std::nullopt);  // no lock file at all
  leave_lock(scratch.path, 999999, this_host(), wall_now());
  std::optional<LockOwner> removed = RunLock::unlock(scratch.path);
  ASSERT_TRUE(removed.has_value());
  EXPECT_EQ(removed->pid, 999999);
  EXPECT_EQ(RunLock::read_owner(scratch.path), std::nullopt);
}

TEST(RunLock, FreshLockOfAnotherHostIsRespected) {
  // The flock is free, but it may not reach across hosts: a recent heartbeat means alive.
  ScratchDir scratch;
  leave_lock(scratch.path, 4242, "other-host.example", wall_now() - 10s);
  LockedError error = locked_error(scratch.path);
  ASSERT_TRUE(error.owner.has_value());
  EXPECT_EQ(error.owner->host, "other-host.example");
  EXPECT_NE(std::string(error.what()).find("on host other-host.example"), std::string::npos);
  EXPECT_NE(std::string(error.what()).find("(heartbeat 10s ago)"), std::string::npos);
  EXPECT_THROW(RunLock::unlock(scratch.path), LockedError);
  EXPECT_EQ(RunLock::read_owner(scratch.path)->pid, 4242);  // refusing changed nothing
}

// Two hosts writing one state would corrupt it, and the other host's flock may be invisible
// here: however quiet, its lock waits for an operator.
TEST(RunLock, LockOfAnotherHostIsNeverTakenOverEvenWhenStale) {
  ScratchDir scratch;
  leave_lock(scratch.path, 4242, "other-host.example", wall_now() - 24h);
  LockedError error = locked_error(scratch.path, RunLockOptions{.heartbeat_interval = 0ms, .foreign_stale_after = 1min});
  ASSERT_TRUE(error.owner.has_value());
  EXPECT_EQ(error.owner->host, "other-host.example");
  EXPECT_EQ(std::string(error.what()),
            "state " + scratch.path.string() + " is locked by pid 4242 on host other-host.example since " +
                format_utc(error.owner->started_at) +
                " (heartbeat 24h ago); a lock of another host is never taken over: once that run is over, "
                "remove the lock with `planrun unlock`");
  EXPECT_EQ(RunLock::unlock(scratch.path)->pid, 4242);  // the operator's word is enough once quiet
  RunLock lock(scratch.path, kNoThread);
  EXPECT_EQ(lock.taken_over(), std::nullopt);
}

constexpr int64_t kNfsMagic = 0x6969;

TEST(RunLock, StateOnANetworkFileSystemIsRefused) {
  ScratchDir scratch;
  RunLockOptions options = kNoThread;
  options.file_system_type = [](const fs::path&) { return std::optional<int64_t>(kNfsMagic); };
  try {
    RunLock lock(scratch.path, options);
    FAIL() << "took a lock on NFS";
  } catch (const LockedError&) {
    FAIL() << "refused as locked";
  } catch (const StateError& error) {
    EXPECT_EQ(std::string(error.what()),
              "state " + scratch.path.string() +
                  " is on a network file system (NFS), where SQLite's write-ahead log and file locks are not safe; "
                  "use a local directory (--state DIR), or pass --allow-network-state if only one host ever uses it");
  }
  EXPECT_EQ(RunLock::read_owner(scratch.path), std::nullopt);
}

TEST(RunLock, StateOnANetworkFileSystemIsTakenWhenAllowed) {
  ScratchDir scratch;
  RunLockOptions options = kNoThread;
  options.file_system_type = [](const fs::path&) { return std::optional<int64_t>(kNfsMagic); };
  options.allow_network_file_system = true;
  RunLock lock(scratch.path, options);
  EXPECT_EQ(RunLock::read_owner(scratch.path), lock.owner());
}

TEST(RunLock, LocalFileSystemsAreNotNetworkOnes) {
  EXPECT_EQ(network_file_system_name(0xEF53), std::nullopt);  // ext4
  EXPECT_EQ(network_file_system_name(0x01021994), std::nullopt);  // tmpfs
  EXPECT_EQ(network_file_system_name(static_cast<int32_t>(0xFF534D42)), "CIFS/SMB");  // sign-extended
  ASSERT_TRUE(statfs_type(fs::temp_directory_path()).has_value());
}

TEST(RunLock, HalfWrittenOwnerIsNoOwner) {
  ScratchDir scratch;
  testing::write_file(scratch.path / "lock", R"({"pid":12,"host":"a)");
  EXPECT_EQ(RunLock::read_owner(scratch.path), std::nullopt);
  RunLock lock(scratch.path, kNoThread);
  EXPECT_EQ(lock.taken_over(), std::nullopt);
}

TEST(RunLock, HeartbeatIsRecorded) {
  ScratchDir scratch;
  RunLock lock(scratch.path, kNoThread);
  WallTime started = lock.owner().heartbeat_at;
  std::this_thread::sleep_for(5ms);
  lock.heartbeat();
  EXPECT_GT(lock.owner().heartbeat_at, started);
  EXPECT_EQ(RunLock::read_owner(scratch.path), lock.owner());
}

TEST(RunLock, HeartbeatThreadBeats) {
  ScratchDir scratch;
  RunLock lock(scratch.path, RunLockOptions{.heartbeat_interval = 10ms});
  WallTime started = lock.owner().started_at;
  auto beaten = [&] {
    std::optional<LockOwner> owner = RunLock::read_owner(scratch.path);
    return owner && owner->heartbeat_at > started;
  };
  for (int i = 0; i < 200 && !beaten(); ++i) std::this_thread::sleep_for(5ms);
  EXPECT_TRUE(beaten());
  EXPECT_GT(lock.owner().heartbeat_at, started);
}

TEST(RunLock, CommandsStartedByTheRunDoNotInheritTheLock) {
  // A step may start a server that outlives planrun; it must not keep the lock.
  ScratchDir scratch;
  auto lock = std::make_unique<RunLock>(scratch.path, kNoThread);
  int exec_done[2];
  ASSERT_EQ(::pipe2(exec_done, O_CLOEXEC), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::execl("/bin/sleep", "sleep", "30", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(exec_done[1]);
  char byte = 0;
  EXPECT_EQ(::read(exec_done[0], &byte, 1), 0);  // end of file: the exec happened
  ::close(exec_done[0]);

  lock.reset();
  EXPECT_FALSE(RunLock::is_held(scratch.path));
  EXPECT_NO_THROW(RunLock again(scratch.path, kNoThread));
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
}

TEST(RunLock, OwnerLineRoundTrips) {
  LockOwner owner{123, "build-7", from_epoch_ms(1714564800000), from_epoch_ms(1714564802000)};
  EXPECT_EQ(owner.to_line(),
            R"({"heartbeat_at":1714564802000,"host":"build-7","pid":123,"started_at":1714564800000})"
            "\n");
  EXPECT_EQ(LockOwner::parse(owner.to_line()), owner);
  EXPECT_EQ(LockOwner::parse(owner.to_line() + "tail of an older, longer record"), owner);
  EXPECT_EQ(LockOwner::parse(R"({"pid":"123"})" "\n"), std::nullopt);
  EXPECT_EQ(LockOwner::parse("\x01\x02garbage\n"), std::nullopt);
  EXPECT_EQ(owner.describe(from_epoch_ms(1714564805000)),
            "pid 123 on host build-7 since 2024-05-01T12:00:00Z (heartbeat 3s ago)");
}

}  // namespace
}  // namespace planrun
