#pragma once

#include <unistd.h>

#include <filesystem>
#include <string_view>
#include <utility>

namespace planrun {

// Owns one open file descriptor and closes it on every path out, so that an exception leaks
// nothing: files, directories, pipes of child processes, sockets. The one fd owner of planrun.
class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.release()) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() { reset(); }

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  // Gives the descriptor up without closing it.
  int release() { return std::exchange(fd_, -1); }
  // Closes what it holds (if anything) and holds `fd` instead.
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

// Writes all of `bytes` to `fd`, resuming after short writes and signals (EINTR): the one
// write loop of planrun. Throws std::system_error "cannot write 'PATH'" (`path` only names the
// file in that message).
void write_all(int fd, std::string_view bytes, const std::filesystem::path& path);

}  // namespace planrun
