#include "interpreter/state/fingerprint_key.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "interpreter/state/state_error.h"

namespace planrun {

namespace fs = std::filesystem;

static constexpr size_t kKeySize = 32;

static std::string random_key() {
  std::string key(kKeySize, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), kKeySize) != 1)
    throw StateError("cannot draw random bytes for the fingerprint key");
  return key;
}

static void write_durably(const fs::path& path, const std::string& data) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  bool ok = fd >= 0 && ::write(fd, data.data(), data.size()) == static_cast<ssize_t>(data.size()) && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!ok) throw StateError("cannot write " + path.string());
}

std::string load_or_create_fingerprint_key(const fs::path& state_dir) {
  fs::path path = state_dir / "fingerprint.key";
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (key.size() == kKeySize) return key;
  }
  std::string key = random_key();
  fs::path temp = state_dir / "fingerprint.key.tmp";
  write_durably(temp, key);
  std::error_code error;
  fs::rename(temp, path, error);
  if (error) throw StateError("cannot create " + path.string() + ": " + error.message());
  return key;
}

}  // namespace planrun
