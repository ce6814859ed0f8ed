#include "interpreter/archive/tree_walk.h"

#include <dirent.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

[[noreturn]] void fail(const std::string& operation, const std::filesystem::path& path) {
  throw EnvironmentError("cannot " + operation + " '" + path.string() + "': " + std::strerror(errno));
}

std::vector<std::string> sorted_names(const std::filesystem::path& directory) {
  DIR* handle = ::opendir(directory.c_str());
  if (!handle) fail("read the directory", directory);
  std::vector<std::string> names;
  errno = 0;
  while (dirent* entry = ::readdir(handle)) {
    std::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  int error = errno;
  ::closedir(handle);
  errno = error;
  if (error) fail("read the directory", directory);
  std::sort(names.begin(), names.end());
  return names;
}

void walk_into(const std::filesystem::path& root, const std::string& relative, std::vector<TreeEntry>& entries) {
  for (const std::string& name : sorted_names(root / relative)) {
    TreeEntry entry{relative.empty() ? name : relative + "/" + name, {}};
    if (::lstat((root / entry.path).c_str(), &entry.status) != 0) fail("read", root / entry.path);
    bool directory = S_ISDIR(entry.status.st_mode);
    std::string path = entry.path;  // a copy: `entries` grows below, moving what it holds
    entries.push_back(std::move(entry));
    if (directory) walk_into(root, path, entries);
  }
}

}  // namespace

std::vector<TreeEntry> walk_tree(const std::filesystem::path& root) {
  std::vector<TreeEntry> entries(1);
  if (::lstat(root.c_str(), &entries[0].status) != 0) fail("read", root);
  walk_into(root, "", entries);
  return entries;
}

}  // namespace planrun
