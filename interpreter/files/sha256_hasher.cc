#include "interpreter/files/sha256_hasher.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "interpreter/files/file_descriptor.h"
#include "interpreter/files/file_error.h"

namespace planrun {

struct Sha256Hasher::State {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  ~State() { EVP_MD_CTX_free(context); }
  void start() {
    if (!context || EVP_DigestInit_ex(context, EVP_sha256(), nullptr) != 1)
      throw std::runtime_error("OpenSSL cannot start a SHA-256 digest");
  }
};

Sha256Hasher::Sha256Hasher() : state_(std::make_unique<State>()) { state_->start(); }
Sha256Hasher::~Sha256Hasher() = default;
Sha256Hasher::Sha256Hasher(Sha256Hasher&&) noexcept = default;
Sha256Hasher& Sha256Hasher::operator=(Sha256Hasher&&) noexcept = default;

void Sha256Hasher::update(const void* data, size_t size) {
  if (size && EVP_DigestUpdate(state_->context, data, size) != 1)
    throw std::runtime_error("OpenSSL cannot update a SHA-256 digest");
}

std::string Sha256Hasher::hex_digest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(state_->context, digest, &length) != 1)
    throw std::runtime_error("OpenSSL cannot finish a SHA-256 digest");
  static const char digits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += digits[digest[i] >> 4];
    hex += digits[digest[i] & 15];
  }
  state_->start();
  return hex;
}

std::string sha256_of(std::string_view bytes) {
  Sha256Hasher hasher;
  hasher.update(bytes);
  return hasher.hex_digest();
}

std::string sha256_of_file(const std::filesystem::path& path) {
  FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!file.valid()) throw_file_error("open", path);
  ::posix_fadvise(file.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
  Sha256Hasher hasher;
  std::vector<char> buffer(1 << 20);
  for (;;) {
    ssize_t got = ::read(file.get(), buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw_file_error("read", path);
    if (got == 0) break;
    hasher.update(buffer.data(), static_cast<size_t>(got));
  }
  return hasher.hex_digest();
}

}  // namespace planrun
