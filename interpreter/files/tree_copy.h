#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/files/tree_walk.h"

namespace planrun {

// A copy refused for what the trees hold (a directory where a file must go, a copy that does
// not verify), as opposed to std::system_error, which the operating system refused.
struct TreeCopyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct TreeCopyOptions {
  bool verify = true;           // compare size and sha256 of every file copied with its source
  bool preserve_owner = false;  // also owner and group (needs root)
  // Where an entry of the target that the copy replaces is kept (same relative path).
  std::filesystem::path replaced_dir;
  // Entries [0, durable_through) were copied and made durable by an earlier attempt (its
  // checkpoint): their files are not looked at again.
  size_t durable_through = 0;
  std::chrono::milliseconds batch_interval{1000};  // how often copied files are made durable
  unsigned threads = 0;                            // 0: one per core
};

// What a copy tells its caller while it works, always on the thread that called run().
struct TreeCopyHooks {
  std::function<void(uint64_t files, uint64_t bytes)> progress;
  // Entries [0, through) are copied and durable: the caller checkpoints that.
  std::function<void(size_t through)> durable;
  std::function<bool()> cancelled;
};

struct TreeCopyResult {
  uint64_t files_copied = 0;        // files and symlinks written (hard links included)
  uint64_t bytes_copied = 0;
  uint64_t files_already_there = 0;  // found copied by an interrupted attempt (or identical)
  std::vector<std::string> replaced;  // relative paths of target entries replaced
  bool cancelled = false;            // stopped at a safe point: what is done is durable
};

// Copies the walked `entries` of `from` into `to` exactly (files/entry_copy.h), safely:
// every file and symlink is written under a temporary name in its directory
// (`.planrun-part-N`) and renamed into place, so a name in `to` holds either what was there or
// the whole copy; hard links in `from` stay hard links; directories get their modes and times
// last. Files are copied on several threads; every batch_interval the copied prefix of the
// entries is made durable with one syncfs and reported to hooks.durable. An entry of `to` that
// differs from its source is kept in replaced_dir first. A rerun after a crash skips the
// durable prefix and, after it, files whose copy is already there (same size, mode, mtime,
// and content when verifying).
class TreeCopy {
 public:
  static constexpr std::string_view kPartPrefix = ".planrun-part-";

  TreeCopy(std::filesystem::path from, std::filesystem::path to, std::vector<TreeEntry> entries,
           TreeCopyOptions options);
  uint64_t total_files() const { return total_files_; }
  uint64_t total_bytes() const { return total_bytes_; }
  const std::vector<TreeEntry>& entries() const { return entries_; }

  // Throws TreeCopyError or std::system_error; what was made durable before stays reported.
  TreeCopyResult run(const TreeCopyHooks& hooks) const;

 private:
  struct Work;
  std::filesystem::path from_;
  std::filesystem::path to_;
  std::vector<TreeEntry> entries_;
  TreeCopyOptions options_;
  std::vector<size_t> leader_;  // for a hard link's later names: the entry copied first; else itself
  uint64_t total_files_ = 0;
  uint64_t total_bytes_ = 0;
};

// Removes the temporary files a killed copy left under `to` (TreeCopy::kPartPrefix).
void remove_partial_copies(const std::filesystem::path& to);

}  // namespace planrun
