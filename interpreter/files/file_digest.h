#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace planrun {

// A file's size and the sha256 of its bytes (lowercase hex), as sha256sum prints it: what
// verification compares and what manifests list.
struct FileDigest {
  uint64_t size = 0;
  std::string sha256;
  bool operator==(const FileDigest&) const = default;
};

// Reads the file once, start to end. Throws std::system_error naming the file.
FileDigest digest_file(const std::filesystem::path& path);

}  // namespace planrun
