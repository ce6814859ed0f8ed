#include "interpreter/state/fingerprint_key.h"

#include <openssl/rand.h>

#include <fstream>
#include <iterator>
#include <system_error>

#include "interpreter/files/durable_write.h"
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

std::string load_or_create_fingerprint_key(const fs::path& state_dir) {
  fs::path path = state_dir / "fingerprint.key";
  std::ifstream in(path, std::ios::binary);
  if (in) {
    std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (key.size() == kKeySize) return key;
  }
  std::string key = random_key();
  try {
    write_file_durably(path, key, 0600);
  } catch (const std::system_error& error) {
    throw StateError(error.what(), StateError::Cause::System);
  }
  return key;
}

}  // namespace planrun
