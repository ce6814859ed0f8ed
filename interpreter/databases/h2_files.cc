#include "interpreter/databases/h2_files.h"

namespace planrun {

namespace fs = std::filesystem;

std::vector<fs::path> h2_data_file_names(const Dsn& dsn) { return {dsn.path + ".h2.db", dsn.path + ".mv.db"}; }

std::vector<fs::path> h2_data_files(const Dsn& dsn) {
  std::vector<fs::path> present;
  for (const fs::path& file : h2_data_file_names(dsn))
    if (fs::exists(file)) present.push_back(file);
  return present;
}

std::optional<fs::path> h2_lock_file(const Dsn& dsn) {
  fs::path lock = dsn.path + ".lock.db";
  if (fs::exists(lock)) return lock;
  return std::nullopt;
}

}  // namespace planrun
