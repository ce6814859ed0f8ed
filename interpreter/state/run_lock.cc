#include "interpreter/state/run_lock.h"

#include <spdlog/spdlog.h>

#include <condition_variable>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

#include "interpreter/state/lock_file.h"
#include "interpreter/state/state_dir.h"

namespace planrun {

namespace fs = std::filesystem;

static std::string locked_message(const fs::path& state_dir, const std::optional<LockOwner>& owner) {
  std::string message = "state " + state_dir.string() + " is locked by " +
                        (owner ? owner->describe(wall_now()) : "another process that has not recorded itself yet");
  if (owner && owner->host != this_host())
    message += "; a lock of another host is never taken over: once that run is over, remove the lock with "
               "`planrun unlock`";
  return message;
}

LockedError::LockedError(fs::path dir, std::optional<LockOwner> holder)
    : StateError(locked_message(dir, holder)), state_dir(std::move(dir)), owner(std::move(holder)) {}

// Called with the flock held, so the recorded owner no longer holds it. On this host that proves
// it dead. Another host's process may hold a flock we cannot see: only an operator who knows
// that run is over may remove its lock (`planrun unlock`), and without --force only once it has
// gone quiet.
static bool is_stale(const LockOwner& previous, std::optional<std::chrono::milliseconds> foreign_stale_after) {
  if (previous.host == this_host()) return true;
  return foreign_stale_after && wall_now() - previous.heartbeat_at >= *foreign_stale_after;
}

// SQLite's write-ahead log needs memory shared between the processes of one host, and flock may
// be local to each client: on a network file system neither keeps the state safe.
static void refuse_network_file_system(const fs::path& state_dir, const RunLockOptions& options) {
  if (options.allow_network_file_system) return;
  std::optional<int64_t> type = options.file_system_type(state_dir);
  std::optional<std::string> name = type ? network_file_system_name(*type) : std::nullopt;
  if (!name) return;
  throw StateError("state " + state_dir.string() + " is on a network file system (" + *name +
                   "), where SQLite's write-ahead log and file locks are not safe; use a local "
                   "directory (--state DIR), or pass --allow-network-state if only one host ever uses it");
}

// The lock file, flocked, and still the file named `lock` once flocked.
static LockFile take_lock_file(const StateDir& dir) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    LockFile file = *LockFile::open(dir.lock_file(), true);
    if (!file.try_lock()) throw LockedError(dir.root(), file.read());
    if (file.is_current()) return file;
  }
  throw StateError("lock file " + dir.lock_file().string() + " keeps being removed while it is taken");
}

struct RunLock::Impl {
  LockFile file;
  LockOwner owner;
  std::optional<LockOwner> taken_over;
  mutable std::mutex mutex;  // guards owner and writes to file
  std::condition_variable wake;
  bool stopping = false;
  std::thread beat;

  Impl(LockFile locked, LockOwner self, std::optional<LockOwner> previous)
      : file(std::move(locked)), owner(std::move(self)), taken_over(std::move(previous)) {}

  ~Impl() {
    {
      std::lock_guard guard(mutex);
      stopping = true;
    }
    wake.notify_all();
    if (beat.joinable()) beat.join();
    try {
      file.clear();  // an empty file is a clean release: nothing for the next run to take over
    } catch (const StateError&) {
      // The flock still goes with the descriptor; the next run takes over a "stale" lock.
    }
  }

  void heartbeat() {
    std::lock_guard guard(mutex);
    owner.heartbeat_at = wall_now();
    file.write(owner);
  }

  void start_heartbeat(std::chrono::milliseconds interval) {
    beat = std::thread([this, interval] {
      std::unique_lock guard(mutex);
      while (!wake.wait_for(guard, interval, [this] { return stopping; })) {
        guard.unlock();
        try {
          heartbeat();
        } catch (const StateError& error) {
          spdlog::warn("{}", error.what());  // the next beat tries again
        }
        guard.lock();
      }
    });
  }
};

RunLock::RunLock(const fs::path& state_dir, RunLockOptions options) {
  StateDir dir = StateDir::prepare(state_dir);
  refuse_network_file_system(dir.root(), options);
  LockFile file = take_lock_file(dir);
  std::optional<LockOwner> previous = file.read();
  if (previous && !is_stale(*previous, std::nullopt)) {
    throw LockedError(dir.root(), previous);
  }
  LockOwner self = LockOwner::current();
  file.write(self);
  impl_ = std::make_unique<Impl>(std::move(file), std::move(self), std::move(previous));
  if (options.heartbeat_interval.count() > 0) impl_->start_heartbeat(options.heartbeat_interval);
}

RunLock::~RunLock() = default;
RunLock::RunLock(RunLock&&) noexcept = default;
RunLock& RunLock::operator=(RunLock&&) noexcept = default;

LockOwner RunLock::owner() const {
  std::lock_guard guard(impl_->mutex);
  return impl_->owner;
}

const std::optional<LockOwner>& RunLock::taken_over() const { return impl_->taken_over; }

void RunLock::heartbeat() { impl_->heartbeat(); }

std::optional<LockOwner> RunLock::read_owner(const fs::path& state_dir) {
  // A plain read: `planrun status` may look at a state directory it cannot write.
  std::ifstream in(StateDir(state_dir).lock_file(), std::ios::binary);
  if (!in) return std::nullopt;
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return LockOwner::parse(text);
}

bool RunLock::is_held(const fs::path& state_dir) {
  std::optional<LockFile> file = LockFile::open(StateDir(state_dir).lock_file(), false);
  return file && file->is_locked_elsewhere();
}

std::optional<LockOwner> RunLock::unlock(const fs::path& state_dir, bool force) {
  StateDir dir(state_dir);
  std::optional<LockFile> file = LockFile::open(dir.lock_file(), false);
  if (!file) return std::nullopt;
  if (!file->try_lock()) {
    std::optional<LockOwner> owner = file->read();
    if (!force) throw LockedError(dir.root(), owner);
    // The holder keeps its flock on the removed inode; the next run creates a new file.
    std::error_code error;
    fs::remove(dir.lock_file(), error);
    if (error) {
      throw StateError("cannot remove lock file " + dir.lock_file().string() + ": " + error.message(),
                       StateError::Cause::System);
    }
    return owner;
  }
  std::optional<LockOwner> owner = file->read();
  if (owner && !force && !is_stale(*owner, RunLockOptions{}.foreign_stale_after)) {
    throw LockedError(dir.root(), owner);
  }
  file->clear();
  return owner;
}

}  // namespace planrun
