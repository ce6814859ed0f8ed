#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace planrun {

// SHA-256 fed piece by piece, so a file is hashed while it is streamed elsewhere (into an
// archive, onto a disk) and read only once. Hex digests are lower case, as sha256sum prints them.
class Sha256Hasher {
 public:
  Sha256Hasher();
  ~Sha256Hasher();
  Sha256Hasher(Sha256Hasher&&) noexcept;
  Sha256Hasher& operator=(Sha256Hasher&&) noexcept;

  void update(const void* data, size_t size);
  void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
  // The digest of everything fed so far; the hasher starts over afterwards.
  std::string hex_digest();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The digest of bytes in memory.
std::string sha256_of(std::string_view bytes);

// The digest of a whole file, read in large blocks; throws std::system_error naming the file.
std::string sha256_of_file(const std::filesystem::path& path);

}  // namespace planrun
