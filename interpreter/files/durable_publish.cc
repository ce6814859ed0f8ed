#include "interpreter/files/durable_publish.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

#include "interpreter/files/durable_write.h"

namespace planrun {

void sync_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw std::system_error(errno, std::generic_category(), "cannot open '" + path.string() + "'");
  int synced = ::fdatasync(fd);
  int error = errno;
  ::close(fd);
  if (synced != 0) throw std::system_error(error, std::generic_category(), "cannot sync '" + path.string() + "'");
}

void publish_durably(const std::filesystem::path& temporary, const std::filesystem::path& path) {
  sync_file(temporary);
  if (::rename(temporary.c_str(), path.c_str()) != 0)
    throw std::system_error(errno, std::generic_category(), "cannot rename into '" + path.string() + "'");
  sync_directory(path.parent_path());
}

}  // namespace planrun
