#include "interpreter/state/state_dir.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

#include "interpreter/files/durable_write.h"
#include "interpreter/state/plan_key.h"
#include "interpreter/state/state_error.h"

namespace planrun {

namespace fs = std::filesystem;

[[noreturn]] static void fail(const fs::path& path, const std::string& what, int error) {
  throw StateError("cannot " + what + " " + path.string() + ": " + std::strerror(error), StateError::Cause::System);
}

static void make_private_directory(const fs::path& root) {
  std::error_code error;
  if (root.has_parent_path()) fs::create_directories(root.parent_path(), error);
  if (error) fail(root.parent_path(), "create directory", error.value());
  if (::mkdir(root.c_str(), 0700) != 0 && errno != EEXIST) fail(root, "create directory", errno);
  // mkdir's mode passes through the umask; the state may hold outputs worth keeping private.
  if (::chmod(root.c_str(), 0700) != 0) fail(root, "set the mode of", errno);
}

// Written durably (temporary name, then rename), so a crash never leaves an empty .gitignore
// behind, which would let `git add .` pick up the state database.
static void write_gitignore(const fs::path& path) {
  try {
    write_file_durably(path, "*\n", 0600);
  } catch (const std::system_error& error) {
    throw StateError("cannot create " + path.string() + ": " + error.code().message(), StateError::Cause::System);
  }
}

std::filesystem::path StateDir::work_dir(const std::string& plan_key, const std::string& step_id) const {
  return root_ / "work" / plan_folder_name(plan_key) / step_id;
}

StateDir StateDir::prepare(const fs::path& root) {
  std::error_code error;
  fs::file_status status = fs::status(root, error);
  if (!fs::exists(status)) {
    make_private_directory(root);
  } else if (!fs::is_directory(status)) {
    throw StateError("state directory " + root.string() + " exists and is not a directory");
  }
  StateDir dir(root);
  if (!fs::exists(fs::symlink_status(dir.gitignore(), error))) write_gitignore(dir.gitignore());
  return dir;
}

}  // namespace planrun
