#include "interpreter/files/tree_copy.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "interpreter/files/durable_write.h"
#include "interpreter/files/entry_copy.h"
#include "interpreter/files/file_digest.h"
#include "interpreter/files/file_error.h"
#include "interpreter/parallel/run_all.h"

namespace planrun {
namespace {

using Clock = std::chrono::steady_clock;

// lstat that tells "absent" from a failure; nullopt when absent.
std::optional<struct stat> status_of(const std::filesystem::path& path) {
  struct stat status {};
  if (::lstat(path.c_str(), &status) == 0) return status;
  if (errno == ENOENT) return std::nullopt;
  throw_file_error("read the status of", path);
}

void rename_into_place(const std::filesystem::path& temporary, const std::filesystem::path& path) {
  if (::rename(temporary.c_str(), path.c_str()) != 0) throw_file_error("rename into", path);
}

void remove_if_present(const std::filesystem::path& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) throw_file_error("remove", path);
}

[[noreturn]] void refuse_over_directory(const std::string& relative, const std::filesystem::path& path) {
  throw TreeCopyError("cannot copy '" + relative + "': '" + path.string() +
                      "' is a directory in the target, where the source has no directory");
}

std::string symlink_target(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::path target = std::filesystem::read_symlink(path, error);
  if (error) throw_file_error("read the symlink", path, error.value());
  return target.string();
}

}  // namespace

// One run of a copy: the counters and flags its threads share.
struct TreeCopy::Work {
  const TreeCopy& copy;
  const TreeCopyHooks& hooks;
  std::vector<std::atomic<bool>> finished;  // by entry: copied (or nothing to copy in parallel)
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> files{0}, bytes{0}, copied_files{0}, copied_bytes{0}, already_there{0};
  std::mutex mutex;  // guards what follows
  std::condition_variable copier_end;
  size_t copiers_ended = 0;
  std::exception_ptr failure;  // the first failure of a copying thread or of the watching one
  std::vector<std::string> replaced;
  size_t durable_through = 0;

  Work(const TreeCopy& copy, const TreeCopyHooks& hooks) : copy(copy), hooks(hooks), finished(copy.entries_.size()) {}

  std::filesystem::path target(const TreeEntry& entry) const { return path_under(copy.to_, entry.relative); }
  std::filesystem::path source(const TreeEntry& entry) const { return path_under(copy.from_, entry.relative); }
  std::filesystem::path temporary(size_t index) const {
    return target(copy.entries_[index]).parent_path() / (std::string(kPartPrefix) + std::to_string(index));
  }
  bool copied_in_parallel(size_t index) const {
    EntryKind kind = kind_of(copy.entries_[index].status);
    return kind == EntryKind::Symlink || (kind == EntryKind::RegularFile && copy.leader_[index] == index);
  }

  // Phase 1: every directory exists and is writable by us (its own mode comes last).
  void make_directories() {
    std::filesystem::create_directories(copy.to_.parent_path());
    for (const TreeEntry& entry : copy.entries_) {
      if (kind_of(entry.status) != EntryKind::Directory) continue;
      std::filesystem::path path = target(entry);
      if (::mkdir(path.c_str(), 0700) == 0) continue;
      if (errno != EEXIST) throw_file_error("create the directory", path);
      std::optional<struct stat> existing = status_of(path);
      if (!existing || !S_ISDIR(existing->st_mode))
        throw TreeCopyError("cannot copy the directory '" + entry.relative + "': '" + path.string() +
                            "' exists in the target and is not a directory");
      if ((existing->st_mode & 0700) != 0700 && ::chmod(path.c_str(), existing->st_mode | 0700) != 0)
        throw_file_error("make writable", path);
    }
  }

  // Keeps what the target held at `path` under replaced_dir, durably, before it is replaced.
  void keep_replaced(const TreeEntry& entry, const std::filesystem::path& path, const struct stat& existing) {
    std::filesystem::path kept = path_under(copy.options_.replaced_dir, entry.relative);
    std::filesystem::create_directories(kept.parent_path());
    remove_if_present(kept);
    if (S_ISLNK(existing.st_mode)) {
      create_symlink_exact(symlink_target(path), existing, kept, false);
    } else {
      copy_file_exact(path, existing, kept, false);
      sync_file(kept);
    }
    sync_directory(kept.parent_path());
    std::lock_guard lock(mutex);
    replaced.push_back(entry.relative);
  }

  bool verified(const std::filesystem::path& source, const std::filesystem::path& copy_path) const {
    return !copy.options_.verify || digest_file(source) == digest_file(copy_path);
  }

  // Whether the target holds this entry's copy already; else keeps what it holds, if anything.
  bool found_in_place(const TreeEntry& entry, size_t index) {
    std::filesystem::path path = target(entry);
    std::optional<struct stat> existing = status_of(path);
    if (!existing) return false;
    if (S_ISDIR(existing->st_mode)) refuse_over_directory(entry.relative, path);
    bool there = false;
    if (kind_of(entry.status) == EntryKind::Symlink) {
      there = S_ISLNK(existing->st_mode) && symlink_target(path) == entry.link_target;
    } else if (copy.leader_[index] != index) {
      std::optional<struct stat> leader = status_of(target(copy.entries_[copy.leader_[index]]));
      there = leader && leader->st_ino == existing->st_ino && leader->st_dev == existing->st_dev;
    } else {
      there = same_metadata(entry.status, *existing, copy.options_.preserve_owner) && verified(source(entry), path);
    }
    if (!there) keep_replaced(entry, path, *existing);
    return there;
  }

  void write_entry(const TreeEntry& entry, size_t index) {
    std::filesystem::path temporary_path = temporary(index);
    remove_if_present(temporary_path);
    if (kind_of(entry.status) == EntryKind::Symlink) {
      create_symlink_exact(entry.link_target, entry.status, temporary_path, copy.options_.preserve_owner);
    } else if (copy.leader_[index] != index) {
      std::filesystem::path leader = target(copy.entries_[copy.leader_[index]]);
      if (::link(leader.c_str(), temporary_path.c_str()) != 0) throw_file_error("create the hard link", temporary_path);
    } else {
      uint64_t size = copy_file_exact(source(entry), entry.status, temporary_path, copy.options_.preserve_owner);
      if (!verified(source(entry), temporary_path))
        throw TreeCopyError("the copy of '" + entry.relative + "' does not verify: its size or sha256 differs from " +
                            source(entry).string() + "'s");
      copied_bytes += size;
    }
    rename_into_place(temporary_path, target(entry));
    ++copied_files;
  }

  void place(size_t index) {
    const TreeEntry& entry = copy.entries_[index];
    if (found_in_place(entry, index)) {
      ++already_there;
    } else {
      write_entry(entry, index);
    }
    ++files;
    if (kind_of(entry.status) == EntryKind::RegularFile && copy.leader_[index] == index)
      bytes += static_cast<uint64_t>(entry.status.st_size);
  }

  // Phase 2, on each copying thread: files and symlinks, taken in order, until another thread
  // failed or the copy is stopped. Tells the watching thread when it ends, also by a throw.
  void take_entries(const RunAllThread& thread) {
    try {
      for (size_t index = next++; index < copy.entries_.size() && !stop && !thread.failed(); index = next++) {
        if (finished[index]) continue;
        place(index);
        finished[index] = true;
      }
    } catch (...) {
      copier_ended();
      throw;
    }
    copier_ended();
  }

  void copier_ended() {
    std::lock_guard lock(mutex);
    ++copiers_ended;
    copier_end.notify_all();
  }

  // Makes the finished prefix of the entries durable and reports it.
  void make_durable() {
    size_t through = durable_through;
    while (through < finished.size() && finished[through]) ++through;
    if (through == durable_through) return;
    sync_file_system(copy.to_);
    durable_through = through;
    if (hooks.durable) hooks.durable(through);
  }

  void report() {
    if (hooks.progress) hooks.progress(files, bytes);
  }

  // `threads` copy while the caller's thread watches them: progress, cancellation and the
  // durable batches. The first failure is kept for run(), which first makes what was copied
  // durable. Without a thread to spare the caller copies alone.
  void copy_in_parallel(unsigned threads) {
    if (stop) return;
    try {
      run_all(threads + 1, [this](const RunAllThread& thread) {
        if (thread.index() > 0 || thread.count() == 1) return take_entries(thread);
        watch_copiers(thread.count() - 1);
      });
    } catch (...) {
      failure = std::current_exception();
    }
  }

  // The progress and the durable batches are on a timer; copiers that end wake it at once.
  void watch_copiers(size_t copiers) {
    Clock::time_point last_batch = Clock::now();
    std::unique_lock lock(mutex);
    while (copiers_ended < copiers) {
      copier_end.wait_for(lock, std::chrono::milliseconds(100));
      lock.unlock();
      report();
      if (hooks.cancelled && hooks.cancelled()) stop = true;
      if (Clock::now() - last_batch >= copy.options_.batch_interval) {
        make_durable();
        last_batch = Clock::now();
      }
      lock.lock();
    }
  }

  // Phase 3: the later names of hard-linked files, once the first names are in place.
  void link_later_names() {
    for (size_t index = 0; index < copy.entries_.size() && !stop; ++index)
      if (kind_of(copy.entries_[index].status) == EntryKind::RegularFile && copy.leader_[index] != index)
        place(index);
  }

  // Phase 4: directory modes and times, deepest first, after their contents stopped changing.
  void finish_directories() {
    for (size_t index = copy.entries_.size(); index-- > 0;)
      if (kind_of(copy.entries_[index].status) == EntryKind::Directory)
        apply_metadata(target(copy.entries_[index]), copy.entries_[index].status, copy.options_.preserve_owner);
  }
};

TreeCopy::TreeCopy(std::filesystem::path from, std::filesystem::path to, std::vector<TreeEntry> entries,
                   TreeCopyOptions options)
    : from_(std::move(from)), to_(std::move(to)), entries_(std::move(entries)), options_(std::move(options)) {
  std::map<std::pair<dev_t, ino_t>, size_t> first_name;
  leader_.resize(entries_.size());
  for (size_t index = 0; index < entries_.size(); ++index) {
    const struct stat& status = entries_[index].status;
    leader_[index] = index;
    EntryKind kind = kind_of(status);
    if (kind == EntryKind::Special)
      throw TreeCopyError("cannot copy '" + entries_[index].relative + "': it is a " + special_kind_name(status));
    if (kind == EntryKind::RegularFile && status.st_nlink > 1)
      leader_[index] = first_name.try_emplace({status.st_dev, status.st_ino}, index).first->second;
    if (kind == EntryKind::RegularFile || kind == EntryKind::Symlink) ++total_files_;
    if (kind == EntryKind::RegularFile && leader_[index] == index) total_bytes_ += static_cast<uint64_t>(status.st_size);
  }
}

TreeCopyResult TreeCopy::run(const TreeCopyHooks& hooks) const {
  Work work(*this, hooks);
  work.durable_through = std::min(options_.durable_through, entries_.size());
  for (size_t index = 0; index < entries_.size(); ++index) {
    bool done_before = index < work.durable_through;
    work.finished[index] = done_before || !work.copied_in_parallel(index);
    if (done_before && kind_of(entries_[index].status) != EntryKind::Directory && leader_[index] == index) {
      ++work.files;
      if (kind_of(entries_[index].status) == EntryKind::RegularFile)
        work.bytes += static_cast<uint64_t>(entries_[index].status.st_size);
    }
  }
  work.make_directories();  // entries the durable prefix may already count as finished
  // Checked here too: with few files the workers can finish before the loop below first looks.
  work.stop = hooks.cancelled && hooks.cancelled();
  unsigned threads = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  work.copy_in_parallel(threads);
  if (!work.failure && !work.stop) work.link_later_names();
  if (!work.failure && !work.stop) work.finish_directories();
  work.report();
  work.make_durable();  // what was copied stays copied, also when the copy failed or stops here
  if (work.failure) std::rethrow_exception(work.failure);
  TreeCopyResult result{work.copied_files, work.copied_bytes, work.already_there, work.replaced, work.stop};
  if (!result.cancelled) {
    sync_file_system(to_);  // the hard links and directory metadata of the last phases
    if (hooks.durable) hooks.durable(entries_.size());
  }
  return result;
}

void remove_partial_copies(const std::filesystem::path& to) {
  std::error_code error;
  if (!std::filesystem::is_directory(to, error)) return;
  for (const TreeEntry& entry : walk_tree(to)) {
    std::string name = entry.relative.substr(entry.relative.rfind('/') + 1);
    if (name.starts_with(TreeCopy::kPartPrefix)) remove_if_present(to / entry.relative);
  }
}

}  // namespace planrun
