#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planrun {

// The files a step reads and writes. Failures the operator can act on (a full disk, a missing
// permission) are thrown as EnvironmentError naming the operation and the path.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual bool exists(const std::filesystem::path& path) const = 0;
  // The whole file, or nullopt when it does not exist.
  virtual std::optional<std::string> read_file(const std::filesystem::path& path) const = 0;
  // The size of a file in bytes, or nullopt when it does not exist (a log that is followed).
  virtual std::optional<uint64_t> file_size(const std::filesystem::path& path) const = 0;
  // Up to `length` bytes of a file from `offset`: fewer at its end, none past it or when it
  // does not exist. A growing log is read this way, a piece at a time.
  virtual std::string read_at(const std::filesystem::path& path, uint64_t offset, size_t length) const = 0;
  // Replaces the file with `bytes` atomically and durably (files/durable_write.h), with the
  // permission bits `mode`: the only way steps write a file whose content must survive a crash.
  virtual void write_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode = 0644) = 0;
  // Replaces the content of an existing file as write_durably does, keeping what makes it the
  // operator's file: its permission bits, and, when `path` is a symbolic link (a shared conf
  // folder), the link itself: the file it points to is rewritten. No file there: EnvironmentError.
  virtual void rewrite_durably(const std::filesystem::path& path, std::string_view bytes) = 0;
  virtual void create_directories(const std::filesystem::path& path) = 0;
  // Removes a file or a directory tree; nothing when it does not exist.
  virtual void remove_all(const std::filesystem::path& path) = 0;
  // The names of a directory's entries, sorted; empty when it does not exist.
  virtual std::vector<std::string> list(const std::filesystem::path& directory) const = 0;
};

// The machine's own file system.
class SystemFileSystem final : public FileSystem {
 public:
  bool exists(const std::filesystem::path& path) const override;
  std::optional<std::string> read_file(const std::filesystem::path& path) const override;
  std::optional<uint64_t> file_size(const std::filesystem::path& path) const override;
  std::string read_at(const std::filesystem::path& path, uint64_t offset, size_t length) const override;
  void write_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode = 0644) override;
  void rewrite_durably(const std::filesystem::path& path, std::string_view bytes) override;
  void create_directories(const std::filesystem::path& path) override;
  void remove_all(const std::filesystem::path& path) override;
  std::vector<std::string> list(const std::filesystem::path& directory) const override;
};

}  // namespace planrun
