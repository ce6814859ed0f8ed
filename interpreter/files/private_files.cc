#include "interpreter/files/private_files.h"

#include <sys/stat.h>

#include <cerrno>
#include <system_error>

#include "interpreter/files/file_error.h"

namespace planrun {

void create_private_directory(const std::filesystem::path& directory) {
  std::error_code error;
  if (directory.has_parent_path()) std::filesystem::create_directories(directory.parent_path(), error);
  if (error) throw std::system_error(error, "cannot create directory '" + directory.parent_path().string() + "'");
  if (::mkdir(directory.c_str(), private_directory_mode) != 0 && errno != EEXIST)
    throw_file_error("create directory", directory);
  // mkdir's mode passes through the umask, and an existing directory keeps its own.
  if (::chmod(directory.c_str(), private_directory_mode) != 0) throw_file_error("set the mode of", directory);
}

void make_private(const std::filesystem::path& file) {
  if (::chmod(file.c_str(), private_file_mode) != 0) throw_file_error("set the mode of", file);
}

}  // namespace planrun
