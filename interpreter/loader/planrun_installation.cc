#include "interpreter/loader/planrun_installation.h"

#include <cstdlib>

namespace planrun {

namespace fs = std::filesystem;

// PLANRUN_SOURCE_DIR is the source tree planrun was built from (set on this file in CMakeLists.txt).
static const fs::path kSourceTree = PLANRUN_SOURCE_DIR;

// PREFIX/share/planrun for PREFIX/bin/planrun. /proc/self/exe has its symbolic links resolved,
// so a link to the binary (/usr/local/bin/planrun -> /opt/planrun/bin/planrun) finds the tree
// the binary is in, not the link's.
static fs::path share_folder_beside_binary() {
  std::error_code error;
  fs::path binary = fs::read_symlink("/proc/self/exe", error);
  if (error) return {};
  return binary.parent_path().parent_path() / "share" / "planrun";
}

// The installed copy of `name` when there is one, else the source tree's `in_source`.
static fs::path installed_or_source(const fs::path& name, const fs::path& in_source) {
  fs::path share = share_folder_beside_binary();
  std::error_code error;
  if (!share.empty() && fs::exists(share / name, error)) return share / name;
  return kSourceTree / in_source;
}

fs::path stdlib_plans_folder() {
  const char* value = std::getenv("PLANRUN_STDLIB");
  if (value && *value) return value;
  return installed_or_source("stdlib-plans", "stdlib-plans");
}

fs::path editor_schema_file() { return installed_or_source("planrun.schema.json", "docs/planrun.schema.json"); }

}  // namespace planrun
