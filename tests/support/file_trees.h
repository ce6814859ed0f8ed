#pragma once

// Real directory trees for the file steps' tests: writing awkward entries, and describing a
// tree entry by entry (type, mode, size, times, link target, content hash, hard-link group) so
// that "an exact copy" is one comparison of two descriptions.

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "interpreter/files/file_digest.h"
#include "interpreter/files/tree_walk.h"

namespace planrun::testing {

// Writes `text` to `path` (parents created) with `mode`, and a modification time with
// nanoseconds, so that a copy that loses either shows.
inline void write_file(const std::filesystem::path& path, const std::string& text, mode_t mode = 0644,
                       time_t seconds = 1'600'000'000, long nanoseconds = 123'456'789) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
  ::chmod(path.c_str(), mode);
  struct timespec times[2] = {{seconds, nanoseconds}, {seconds, nanoseconds}};
  ::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW);
}

inline void set_times(const std::filesystem::path& path, time_t seconds, long nanoseconds = 0) {
  struct timespec times[2] = {{seconds, nanoseconds}, {seconds, nanoseconds}};
  ::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW);
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One line per entry of the tree under `root` ("" is the root itself, whose mode and times
// count too); the same lines for two trees mean one is an exact copy of the other.
inline std::vector<std::string> describe_tree(const std::filesystem::path& root) {
  std::vector<std::string> lines;
  std::map<ino_t, std::string> first_name;
  for (const TreeEntry& entry : walk_tree(root)) {
    const struct stat& status = entry.status;
    std::string line = "'" + entry.relative + "' mode " + std::to_string(status.st_mode) + " mtime " +
                       std::to_string(status.st_mtim.tv_sec) + "." + std::to_string(status.st_mtim.tv_nsec);
    if (S_ISLNK(status.st_mode)) line += " -> " + entry.link_target;
    if (S_ISREG(status.st_mode)) {
      line += " size " + std::to_string(status.st_size) + " sha256 " + digest_file(root / entry.relative).sha256;
      auto [first, inserted] = first_name.try_emplace(status.st_ino, entry.relative);
      if (!inserted) line += " same file as '" + first->second + "'";
    }
    lines.push_back(line);
  }
  return lines;
}

// The inode of every regular file under `root`, by relative path: a file recopied gets a new one.
inline std::map<std::string, ino_t> file_inodes(const std::filesystem::path& root) {
  std::map<std::string, ino_t> inodes;
  for (const TreeEntry& entry : walk_tree(root))
    if (S_ISREG(entry.status.st_mode)) inodes[entry.relative] = entry.status.st_ino;
  return inodes;
}

}  // namespace planrun::testing
