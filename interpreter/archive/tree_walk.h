#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <string>
#include <vector>

namespace planrun {

// One entry of a directory tree as an archive holds it: its path relative to the tree ("" for
// the tree's own root) and its lstat, taken during the walk.
struct TreeEntry {
  std::string path;
  struct stat status;
};

// Every entry under `root`, the root first, each directory before what it holds, names in byte
// order (so two backups of the same tree list it the same way). Symbolic links are not followed.
// Throws EnvironmentError naming the path that cannot be read.
std::vector<TreeEntry> walk_tree(const std::filesystem::path& root);

}  // namespace planrun
