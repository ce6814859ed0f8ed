#include "interpreter/archive/tree_archive_writer.h"

#include "interpreter/files/private_files.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "interpreter/files/file_descriptor.h"
#include "interpreter/files/sha256_hasher.h"
#include "interpreter/files/tree_walk.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;

constexpr size_t block_size = 1 << 20;

[[noreturn]] void fail_errno(const std::string& operation, const fs::path& path) {
  throw EnvironmentError("cannot " + operation + " '" + path.string() + "': " + std::strerror(errno));
}

// The archive being written: libarchive hands it the compressed bytes, which go to the file
// and through the hasher on their way.
class ArchiveOutput {
 public:
  explicit ArchiveOutput(const fs::path& path) : path_(path) {
    out_.reset(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, private_file_mode));  // it holds data
    if (!out_.valid()) fail_errno("create", path);
  }
  static la_ssize_t write(archive*, void* self, const void* data, size_t size) {
    return static_cast<ArchiveOutput*>(self)->append(static_cast<const char*>(data), size);
  }
  void sync() {
    if (::fdatasync(out_.get()) != 0) fail_errno("sync", path_);
  }
  Sha256Hasher hasher;
  uint64_t bytes = 0;
  std::string error;  // set when a write failed, so the step names the disk's reason

 private:
  la_ssize_t append(const char* data, size_t size) {
    hasher.update(data, size);
    bytes += size;
    start_writeback();
    try {
      write_all(out_.get(), std::string_view(data, size), path_);
    } catch (const std::system_error& failure) {
      error = failure.what();  // libarchive is C: the failure goes back to it as -1
      return -1;
    }
    return static_cast<la_ssize_t>(size);
  }
  // Starts writing what is written so far to the disk, without waiting, every few MiB: the
  // final fdatasync then finds little left to write, and the disk works while this thread
  // compresses instead of after it.
  void start_writeback() {
    if (bytes - written_back_ < writeback_batch) return;
    ::sync_file_range(out_.get(), static_cast<off_t>(written_back_), static_cast<off_t>(bytes - written_back_),
                      SYNC_FILE_RANGE_WRITE);
    written_back_ = bytes;
  }
  static constexpr uint64_t writeback_batch = 8u << 20;
  uint64_t written_back_ = 0;
  fs::path path_;
  FileDescriptor out_;
};

// Asks the kernel for the next files' inodes and content on a thread of its own, a few dozen
// files ahead of the archiving, so the disk works while the archive thread hashes and feeds
// the compressor (what `tar -I zstd` gets from being two processes).
class FileReadahead {
 public:
  FileReadahead(const fs::path& directory, const std::vector<TreeEntry>& entries)
      : thread_([this, directory, &entries] { run(directory, entries); }) {}
  ~FileReadahead() {
    stop_ = true;
    current_.fetch_add(1);  // a change wakes a waiting readahead, which then sees stop_
    current_.notify_all();
    thread_.join();
  }
  void reached(size_t index) {
    current_ = index;
    current_.notify_all();
  }

 private:
  static constexpr size_t ahead = 64;
  void run(const fs::path& directory, const std::vector<TreeEntry>& entries) {
    for (size_t i = 0; i < entries.size() && !stop_; ++i) {
      if (!S_ISREG(entries[i].status.st_mode)) continue;
      // Far enough ahead: sleeps until the archiving moves on (reached), rather than polling.
      for (size_t seen = current_; !stop_ && i > seen + ahead; seen = current_) current_.wait(seen);
      FileDescriptor file(::open((directory / entries[i].relative).c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
      if (!file.valid()) continue;  // the archiving thread reports it
      ::posix_fadvise(file.get(), 0, 0, POSIX_FADV_WILLNEED);
    }
  }
  std::atomic<size_t> current_{0};
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

class TreeArchiveWriter {
 public:
  TreeArchiveWriter(const fs::path& directory, const fs::path& archive, const TreeArchiveOptions& options)
      : directory_(directory), archive_path_(archive), options_(options), output_(archive) {}
  ~TreeArchiveWriter() {
    if (writer_) archive_write_free(writer_);
  }

  TreeArchive write() {
    std::vector<TreeEntry> entries = walked();
    if (options_.on_total) {
      uint64_t total = 0;
      for (const TreeEntry& entry : entries)
        if (S_ISREG(entry.status.st_mode)) total += static_cast<uint64_t>(entry.status.st_size);
      options_.on_total(total);
    }
    open();
    FileReadahead readahead(directory_, entries);
    for (size_t i = 0; i < entries.size(); ++i) {
      readahead.reached(i);
      add(entries[i]);
    }
    check(archive_write_close(writer_), "finish");
    output_.sync();
    result_.archive_sha256 = output_.hasher.hex_digest();
    result_.archive_bytes = output_.bytes;
    return std::move(result_);
  }

 private:
  std::vector<TreeEntry> walked() const {
    try {
      return walk_tree(directory_);
    } catch (const std::system_error& failure) {
      throw EnvironmentError(failure.what());
    }
  }

  void open() {
    writer_ = archive_write_new();
    if (!writer_) throw std::bad_alloc();
    check(archive_write_set_format_pax(writer_), "set up");
    add_filter();
    check(archive_write_set_bytes_in_last_block(writer_, 1), "set up");
    check(archive_write_open2(writer_, &output_, nullptr, &ArchiveOutput::write, nullptr, nullptr), "open");
  }
  void add_filter() {
    if (options_.compression == ArchiveCompression::Gzip) check(archive_write_add_filter_gzip(writer_), "set up");
    if (options_.compression != ArchiveCompression::Zstd) return;
    check(archive_write_add_filter_zstd(writer_), "set up");
    // Compression in worker threads while this thread reads and hashes, as `tar -I zstd` is
    // two processes; a libarchive without the option still compresses, on one thread.
    std::string threads = std::to_string(std::max(1u, std::thread::hardware_concurrency()));
    archive_write_set_filter_option(writer_, "zstd", "threads", threads.c_str());
  }

  void add(const TreeEntry& entry) {
    if (options_.cancel && options_.cancel->requested())
      throw StepFailure(StepFailure::Kind::Cancelled, "the run was interrupted while archiving " + directory_.string());
    const struct stat& status = entry.status;
    if (S_ISSOCK(status.st_mode)) {
      if (options_.warn) options_.warn("left out " + entry.relative + ": a socket cannot be archived");
      return;
    }
    if (S_ISREG(status.st_mode) && !is_later_link(entry)) return add_file(entry);
    Entry header(entry.relative.empty() ? "." : "./" + entry.relative, status);
    if (S_ISLNK(status.st_mode)) archive_entry_copy_symlink(header.get(), entry.link_target.c_str());
    if (S_ISREG(status.st_mode)) {
      archive_entry_copy_hardlink(header.get(), ("./" + first_links_[identity(status)]).c_str());
      archive_entry_set_size(header.get(), 0);
      result_.files.add(entry.relative, *result_.files.find(first_links_[identity(status)]));
    }
    check(archive_write_header(writer_, header.get()), "add " + entry.relative + " to");
  }

  // A regular file: its header from the open file's own status, then its content, hashed.
  void add_file(const TreeEntry& entry) {
    fs::path path = directory_ / entry.relative;
    FileDescriptor in(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (!in.valid()) fail_errno("read", path);
    struct stat status;
    if (::fstat(in.get(), &status) != 0) fail_errno("read", path);
    ::posix_fadvise(in.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    Entry header("./" + entry.relative, status);
    check(archive_write_header(writer_, header.get()), "add " + entry.relative + " to");
    Sha256Hasher hasher;
    uint64_t left = static_cast<uint64_t>(status.st_size);
    while (left > 0) {
      size_t got = read_block(in.get(), path, std::min<uint64_t>(left, buffer_.size()));
      if (got == 0) changed(entry.relative);
      hasher.update(buffer_.data(), got);
      if (archive_write_data(writer_, buffer_.data(), got) != static_cast<la_ssize_t>(got))
        check(ARCHIVE_FATAL, "add " + entry.relative + " to");
      left -= got;
      result_.file_bytes += got;
      if (options_.on_file_bytes) options_.on_file_bytes(got);
      if (options_.cancel && options_.cancel->requested())
        throw StepFailure(StepFailure::Kind::Cancelled, "the run was interrupted while archiving " + path.string());
    }
    if (read_block(in.get(), path, 1) != 0) changed(entry.relative);
    result_.files.add(entry.relative, hasher.hex_digest());
    if (status.st_nlink > 1) first_links_.emplace(identity(status), entry.relative);
  }

  size_t read_block(int fd, const fs::path& path, size_t size) {
    for (;;) {
      ssize_t got = ::read(fd, buffer_.data(), size);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno != EINTR) fail_errno("read", path);
    }
  }

  [[noreturn]] void changed(const std::string& path) {
    throw StepFailure(StepFailure::Kind::Failed,
                      (directory_ / path).string() + " changed while it was archived; stop what writes to " +
                          directory_.string() + " and run the step again");
  }

  bool is_later_link(const TreeEntry& entry) const {
    return entry.status.st_nlink > 1 && first_links_.count(identity(entry.status));
  }
  static std::pair<dev_t, ino_t> identity(const struct stat& status) { return {status.st_dev, status.st_ino}; }

  // An archive_entry with a tree entry's name and status (no atime or ctime, which a restore
  // cannot keep and which would only make the archive differ from run to run).
  class Entry {
   public:
    Entry(const std::string& name, const struct stat& status) : entry_(archive_entry_new()) {
      if (!entry_) throw std::bad_alloc();
      archive_entry_copy_pathname(entry_, name.c_str());
      archive_entry_copy_stat(entry_, &status);
      archive_entry_unset_atime(entry_);
      archive_entry_unset_ctime(entry_);
      archive_entry_unset_birthtime(entry_);
    }
    ~Entry() { archive_entry_free(entry_); }
    archive_entry* get() const { return entry_; }

   private:
    archive_entry* entry_;
  };

  void check(int status, const std::string& doing) {
    if (status >= ARCHIVE_WARN) return;
    if (!output_.error.empty()) throw EnvironmentError(output_.error);
    const char* reason = archive_error_string(writer_);
    throw EnvironmentError("cannot " + doing + " the archive '" + archive_path_.string() +
                           "': " + (reason ? reason : "libarchive gave no reason"));
  }

  fs::path directory_;
  fs::path archive_path_;
  const TreeArchiveOptions& options_;
  ArchiveOutput output_;
  archive* writer_ = nullptr;
  std::vector<char> buffer_ = std::vector<char>(block_size);
  std::map<std::pair<dev_t, ino_t>, std::string> first_links_;  // hard-linked files: the first path seen
  TreeArchive result_;
};

}  // namespace

TreeArchive write_tree_archive(const fs::path& directory, const fs::path& archive, const TreeArchiveOptions& options) {
  return TreeArchiveWriter(directory, archive, options).write();
}

}  // namespace planrun
