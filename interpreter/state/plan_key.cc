#include "interpreter/state/plan_key.h"

namespace planrun {

namespace fs = std::filesystem;

std::string plan_key(const fs::path& plan_file, const fs::path& state_dir) {
  fs::path plan = fs::weakly_canonical(fs::absolute(plan_file));
  fs::path base = fs::weakly_canonical(fs::absolute(state_dir)).parent_path();
  return plan.lexically_relative(base).generic_string();
}

}  // namespace planrun
