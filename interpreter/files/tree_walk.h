#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace planrun {

// One entry of a directory tree as lstat saw it: a symlink is an entry of its own, never followed.
struct TreeEntry {
  std::string relative;     // from the root, '/'-separated; "" is the root itself
  struct stat status {};
  std::string link_target;  // symlinks only, byte for byte
};

enum class EntryKind { Directory, RegularFile, Symlink, Special };
EntryKind kind_of(const struct stat& status);
// "socket", "fifo", "character device", "block device": how messages name a special entry.
std::string special_kind_name(const struct stat& status);

// `relative` under `root` ("" gives root itself).
std::filesystem::path path_under(const std::filesystem::path& root, const std::string& relative);

// Decides whether an entry is left out of a walk; a directory left out takes its contents along.
using SkipEntry = std::function<bool(const std::string& relative, const struct stat& status)>;

// Every entry under `root` (the root first, as ""), depth first, each directory before its
// contents and names in byte order, so two walks of the same tree list it in the same order.
// The root is followed when it is a symlink (the operator named it); nothing below it is.
// Throws std::system_error naming the path it could not read.
std::vector<TreeEntry> walk_tree(const std::filesystem::path& root, const SkipEntry& skip = {});

}  // namespace planrun
