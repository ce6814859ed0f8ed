#include "interpreter/files/file_descriptor.h"

#include <cerrno>

#include "interpreter/files/file_error.h"

namespace planrun {

void write_all(int fd, std::string_view bytes, const std::filesystem::path& path) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) throw_file_error("write", path);
    bytes.remove_prefix(static_cast<size_t>(written));
  }
}

}  // namespace planrun
