#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace planrun {

// The directory that holds one plan's state (default `.planrun/` beside the plan):
//   state.db (+ -wal, -shm)  the state store, see state_schema.h
//   lock                     the run lock, see lock_file.h
//   .gitignore               "*", because plans live in git repositories
//   runs/RUN/                per-run files: step logs
//   work/PLAN/STEP/          a step's partial files, kept across interruptions (plan_key.h)
// Only knows the names and how to create the directory; the store and the lock own their files.
class StateDir {
 public:
  explicit StateDir(std::filesystem::path root) : root_(std::move(root)) {}

  // Creates the directory (and missing parents) with mode 0700 when absent, and its .gitignore
  // when absent. Throws StateError when the path exists but is not a directory or cannot be made.
  static StateDir prepare(const std::filesystem::path& root);

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path database() const { return root_ / "state.db"; }
  std::filesystem::path lock_file() const { return root_ / "lock"; }
  std::filesystem::path gitignore() const { return root_ / ".gitignore"; }
  std::filesystem::path run_dir(int64_t run_id) const { return root_ / "runs" / std::to_string(run_id); }
  std::filesystem::path work_dir(const std::string& plan_key, const std::string& step_id) const;

 private:
  std::filesystem::path root_;
};

}  // namespace planrun
