#include "interpreter/files/tree_walk.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>

#include "interpreter/files/file_descriptor.h"
#include "interpreter/files/file_error.h"

namespace planrun {
namespace {

std::vector<std::string> sorted_names(int directory_fd, const std::filesystem::path& path) {
  int listing_fd = ::dup(directory_fd);
  DIR* listing = listing_fd < 0 ? nullptr : ::fdopendir(listing_fd);
  if (!listing) {
    if (listing_fd >= 0) ::close(listing_fd);
    throw_file_error("list", path);
  }
  std::vector<std::string> names;
  errno = 0;
  while (dirent* entry = ::readdir(listing)) {
    std::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  int error = errno;
  ::closedir(listing);
  if (error != 0) throw_file_error("list", path, error);
  std::sort(names.begin(), names.end());
  return names;
}

std::string read_link_at(int directory_fd, const std::string& name, const std::filesystem::path& path) {
  std::string target(256, '\0');
  for (;;) {
    ssize_t length = ::readlinkat(directory_fd, name.c_str(), target.data(), target.size());
    if (length < 0) throw_file_error("read the symlink", path);
    if (static_cast<size_t>(length) < target.size()) return target.substr(0, static_cast<size_t>(length));
    target.resize(target.size() * 2);
  }
}

class Walker {
 public:
  Walker(const std::filesystem::path& root, const SkipEntry& skip, std::vector<TreeEntry>& entries)
      : root_(root), skip_(skip), entries_(entries) {}

  void walk_directory(int directory_fd, const std::string& relative) {
    std::filesystem::path path = path_under(root_, relative);
    for (const std::string& name : sorted_names(directory_fd, path)) {
      TreeEntry entry;
      entry.relative = relative.empty() ? name : relative + "/" + name;
      if (::fstatat(directory_fd, name.c_str(), &entry.status, AT_SYMLINK_NOFOLLOW) != 0)
        throw_file_error("read the status of", path / name);
      if (skip_ && skip_(entry.relative, entry.status)) continue;
      EntryKind kind = kind_of(entry.status);
      if (kind == EntryKind::Symlink) entry.link_target = read_link_at(directory_fd, name, path / name);
      entries_.push_back(std::move(entry));
      if (kind == EntryKind::Directory) descend(directory_fd, name, entries_.back().relative);
    }
  }

 private:
  void descend(int parent_fd, const std::string& name, std::string relative) {
    FileDescriptor child(::openat(parent_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!child.valid()) throw_file_error("open the directory", path_under(root_, relative));
    walk_directory(child.get(), relative);
  }

  const std::filesystem::path& root_;
  const SkipEntry& skip_;
  std::vector<TreeEntry>& entries_;
};

}  // namespace

EntryKind kind_of(const struct stat& status) {
  if (S_ISDIR(status.st_mode)) return EntryKind::Directory;
  if (S_ISREG(status.st_mode)) return EntryKind::RegularFile;
  if (S_ISLNK(status.st_mode)) return EntryKind::Symlink;
  return EntryKind::Special;
}

std::string special_kind_name(const struct stat& status) {
  if (S_ISSOCK(status.st_mode)) return "socket";
  if (S_ISFIFO(status.st_mode)) return "fifo";
  if (S_ISCHR(status.st_mode)) return "character device";
  if (S_ISBLK(status.st_mode)) return "block device";
  return "special file";
}

std::filesystem::path path_under(const std::filesystem::path& root, const std::string& relative) {
  return relative.empty() ? root : root / relative;
}

std::vector<TreeEntry> walk_tree(const std::filesystem::path& root, const SkipEntry& skip) {
  std::vector<TreeEntry> entries(1);
  FileDescriptor root_fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!root_fd.valid()) throw_file_error("open the directory", root);
  if (::fstat(root_fd.get(), &entries[0].status) != 0) throw_file_error("read the status of", root);
  Walker(root, skip, entries).walk_directory(root_fd.get(), "");
  return entries;
}

}  // namespace planrun
