#include "interpreter/archive/tree_archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "interpreter/files/file_descriptor.h"
#include "interpreter/files/sha256_hasher.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

constexpr size_t block_size = 1 << 20;

// The archive file as libarchive reads it: every byte passes through the hasher, and what
// libarchive leaves unread after the end of the tar (padding) is hashed when the reading ends.
class ArchiveInput {
 public:
  explicit ArchiveInput(const fs::path& path) : path_(path) {
    fd_.reset(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd_.valid()) throw EnvironmentError("cannot read '" + path.string() + "': " + std::strerror(errno));
    ::posix_fadvise(fd_.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  static la_ssize_t read(archive*, void* self, const void** data) {
    auto* input = static_cast<ArchiveInput*>(self);
    *data = input->buffer_.data();
    return input->next_block();
  }
  std::string finish_digest() {
    while (next_block() > 0) {
    }
    return hasher_.hex_digest();
  }
  std::string error;

 private:
  la_ssize_t next_block() {
    for (;;) {
      ssize_t got = ::read(fd_.get(), buffer_.data(), buffer_.size());
      if (got >= 0) {
        hasher_.update(buffer_.data(), static_cast<size_t>(got));
        return got;
      }
      if (errno == EINTR) continue;
      error = "cannot read '" + path_.string() + "': " + std::strerror(errno);
      return -1;
    }
  }
  fs::path path_;
  FileDescriptor fd_;
  std::vector<char> buffer_ = std::vector<char>(block_size);
  Sha256Hasher hasher_;
};

// The name an entry stands for relative to the tree ("" for the root), or nullopt when it
// would leave the tree: absolute, or holding "..".
std::optional<std::string> tree_path(std::string name) {
  if (name.empty() || name.front() == '/') return std::nullopt;
  while (name.starts_with("./")) name.erase(0, 2);
  while (name.ends_with("/")) name.pop_back();
  if (name == ".") name.clear();
  for (size_t start = 0; start <= name.size() && !name.empty();) {
    size_t end = name.find('/', start);
    std::string_view part(name.data() + start, (end == std::string::npos ? name.size() : end) - start);
    if (part == ".." || part.empty() || part == ".") return std::nullopt;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return name;
}

// One pass over an archive's entries, with the hashing and comparing both uses share.
class TreeArchiveReader {
 public:
  TreeArchiveReader(const fs::path& archive, const ChecksumManifest& files, const TreeArchiveReadOptions& options)
      : path_(archive), files_(files), options_(options), input_(archive), reader_(archive_read_new()) {
    if (!reader_) throw std::bad_alloc();
    archive_read_support_filter_all(reader_);
    archive_read_support_format_tar(reader_);
    check(archive_read_open(reader_, &input_, nullptr, &ArchiveInput::read, nullptr));
  }
  ~TreeArchiveReader() { archive_read_free(reader_); }

  // Calls `visit` with each entry and its path in the tree; the entry's data is then read
  // with read_data().
  template <class Visit>
  TreeArchiveCheck each_entry(Visit visit) {
    archive_entry* entry = nullptr;
    for (;;) {
      int status = archive_read_next_header(reader_, &entry);
      if (status == ARCHIVE_EOF) break;
      check(status);
      std::optional<std::string> path = tree_path(archive_entry_pathname(entry));
      if (!path)
        throw StepFailure(Kind::Failed, "the archive " + path_.string() + " holds the entry '" +
                                            archive_entry_pathname(entry) + "', which would leave its directory");
      const char* link = archive_entry_hardlink(entry);
      link_ = link ? tree_path(link) : std::nullopt;  // before `visit` may rename it for the disk
      visit(entry, *path);
    }
    for (const auto& [path, sha256] : files_.entries())
      if (!seen_.count(path)) result_.differences.push_back(path + ": listed in the manifest but not in the archive");
    result_.archive_sha256 = input_.finish_digest();
    return std::move(result_);
  }

  // Reads the current entry's content, handing each block to `sink`, and checks a regular
  // file's digest (a hard link's is its target's) against the manifest.
  template <class Sink>
  void read_data(archive_entry* entry, const std::string& path, Sink sink) {
    // A hard link's content is its target's (tar gives a link entry no file type of its own).
    if (archive_entry_hardlink(entry)) {
      if (const auto found = digests_.find(link_.value_or("")); found != digests_.end()) compare(path, found->second);
      return;
    }
    if (archive_entry_filetype(entry) != AE_IFREG) return;
    Sha256Hasher hasher;
    const void* block;
    size_t size;
    la_int64_t offset;
    int64_t hashed = 0;
    for (;;) {
      int status = archive_read_data_block(reader_, &block, &size, &offset);
      if (status == ARCHIVE_EOF) break;
      check(status);
      hash_hole(hasher, hashed, offset);
      hasher.update(block, size);
      hashed += static_cast<int64_t>(size);
      sink(block, size, offset);
      if (options_.on_file_bytes) options_.on_file_bytes(size);
      if (options_.cancel && options_.cancel->requested())
        throw StepFailure(Kind::Cancelled, "the run was interrupted while reading " + path_.string());
    }
    compare(path, digests_[path] = hasher.hex_digest());
  }

  const fs::path& path() const { return path_; }

  // A sparse file's hole before `offset`: zeros, as reading the file would give.
  static void hash_hole(Sha256Hasher& hasher, int64_t& hashed, int64_t offset) {
    static const std::vector<char> zeros(block_size);
    while (hashed < offset) {
      size_t gap = static_cast<size_t>(std::min<int64_t>(offset - hashed, block_size));
      hasher.update(zeros.data(), gap);
      hashed += static_cast<int64_t>(gap);
    }
  }

  void check(int status) {
    if (status >= ARCHIVE_WARN) return;
    if (!input_.error.empty()) throw EnvironmentError(input_.error);
    const char* reason = archive_error_string(reader_);
    throw StepFailure(Kind::Failed, "cannot read the archive " + path_.string() + ": " +
                                        (reason ? reason : "libarchive gave no reason"));
  }

 private:
  void compare(const std::string& path, const std::string& sha256) {
    seen_.insert(path);
    const std::string* listed = files_.find(path);
    if (!listed) result_.differences.push_back(path + ": in the archive but not in the manifest");
    else if (*listed != sha256) result_.differences.push_back(path + ": checksum differs from the manifest");
  }

  fs::path path_;
  const ChecksumManifest& files_;
  const TreeArchiveReadOptions& options_;
  ArchiveInput input_;
  archive* reader_;
  std::optional<std::string> link_;  // the current entry's hard link target in the tree
  std::map<std::string, std::string> digests_;
  std::set<std::string> seen_;
  TreeArchiveCheck result_;
};

// Where extracted entries go: libarchive's disk writer, with every name checked first.
class TreeExtractor {
 public:
  explicit TreeExtractor(const fs::path& target) : target_(target), disk_(archive_write_disk_new()) {
    if (!disk_) throw std::bad_alloc();
    int flags = ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_SECURE_NODOTDOT;
    if (::geteuid() == 0) flags |= ARCHIVE_EXTRACT_OWNER;
    archive_write_disk_set_options(disk_, flags);
  }
  ~TreeExtractor() {
    archive_write_free(disk_);
    if (root_) archive_entry_free(root_);
  }

  void extract(TreeArchiveReader& reader, archive_entry* entry, const std::string& path) {
    refuse_through_links(reader, path);
    if (path.empty()) root_ = archive_entry_clone(entry);
    archive_entry_copy_pathname(entry, (target_ / path).c_str());
    if (const char* link = archive_entry_hardlink(entry)) {
      std::string linked = tree_path(link).value_or("");
      if (linked.empty()) leaves(reader, path);
      refuse_through_links(reader, linked);
      archive_entry_copy_hardlink(entry, (target_ / linked).c_str());
    }
    if (archive_entry_filetype(entry) == AE_IFLNK) links_.insert(path);
    check(archive_write_header(disk_, entry), path);
    reader.read_data(entry, path, [&](const void* block, size_t size, la_int64_t offset) {
      if (archive_write_data_block(disk_, block, size, offset) < ARCHIVE_WARN) check(ARCHIVE_FATAL, path);
    });
    check(archive_write_finish_entry(disk_), path);
  }
  // Sets the directories' modes and times, which libarchive leaves to the end, and the root's
  // itself (libarchive leaves an existing directory's alone).
  void finish() {
    check(archive_write_close(disk_), "");
    if (!root_) return;
    timespec times[2] = {{archive_entry_mtime(root_), archive_entry_mtime_nsec(root_)},
                         {archive_entry_mtime(root_), archive_entry_mtime_nsec(root_)}};
    if (::chmod(target_.c_str(), archive_entry_perm(root_)) != 0 ||
        ::utimensat(AT_FDCWD, target_.c_str(), times, 0) != 0)
      throw EnvironmentError("cannot restore '" + target_.string() + "': " + std::strerror(errno));
  }

 private:
  // The tree is new, so the only links in it are the archive's own: no entry may pass through one.
  void refuse_through_links(const TreeArchiveReader& reader, const std::string& path) const {
    for (size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1))
      if (links_.count(path.substr(0, slash))) leaves(reader, path);
  }
  [[noreturn]] static void leaves(const TreeArchiveReader& reader, const std::string& path) {
    throw StepFailure(Kind::Failed, "the archive " + reader.path().string() + " holds the entry '" + path +
                                        "', which would leave its directory through a link");
  }
  void check(int status, const std::string& path) {
    if (status >= ARCHIVE_WARN) return;
    const char* reason = archive_error_string(disk_);
    throw EnvironmentError("cannot restore '" + (target_ / path).string() + "': " + (reason ? reason : "no reason given"));
  }

  fs::path target_;
  archive* disk_;
  archive_entry* root_ = nullptr;  // the tree's own entry, "./"
  std::set<std::string> links_;
};

}  // namespace

TreeArchiveCheck check_tree_archive(const fs::path& archive, const ChecksumManifest& files,
                                    const TreeArchiveReadOptions& options) {
  TreeArchiveReader reader(archive, files, options);
  return reader.each_entry([&](archive_entry* entry, const std::string& path) {
    reader.read_data(entry, path, [](const void*, size_t, la_int64_t) {});
  });
}

TreeArchiveCheck extract_tree_archive(const fs::path& archive, const fs::path& target, const ChecksumManifest& files,
                                      const TreeArchiveReadOptions& options) {
  std::error_code error;
  if (!fs::create_directory(target, error) || error)
    throw EnvironmentError("cannot create '" + target.string() + "': " +
                           (error ? error.message() : std::string("it exists already")));
  TreeArchiveReader reader(archive, files, options);
  TreeExtractor extractor(target);
  TreeArchiveCheck check = reader.each_entry(
      [&](archive_entry* entry, const std::string& path) { extractor.extract(reader, entry, path); });
  extractor.finish();
  return check;
}

}  // namespace planrun
