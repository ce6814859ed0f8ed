#include "interpreter/state/state_dir.h"


#include <string>
#include <system_error>

#include "interpreter/files/durable_write.h"
#include "interpreter/files/private_files.h"
#include "interpreter/state/plan_key.h"
#include "interpreter/state/state_error.h"

namespace planrun {

namespace fs = std::filesystem;

static void make_private_directory(const fs::path& root) {
  try {
    create_private_directory(root);  // the state may hold outputs worth keeping private
  } catch (const std::system_error& error) {
    throw StateError(error.what(), StateError::Cause::System);
  }
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
