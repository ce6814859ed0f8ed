#include "interpreter/state/plan_key.h"

#include <cctype>

namespace planrun {

namespace fs = std::filesystem;

std::string plan_key(const fs::path& plan_file, const fs::path& state_dir) {
  fs::path plan = fs::weakly_canonical(fs::absolute(plan_file));
  fs::path base = fs::weakly_canonical(fs::absolute(state_dir)).parent_path();
  return plan.lexically_relative(base).generic_string();
}

std::string plan_folder_name(const std::string& plan_key) {
  if (plan_key.empty()) return "_";
  static const char* digits = "0123456789ABCDEF";
  std::string name;
  for (unsigned char c : plan_key) {
    if (std::isalnum(c) || c == '.' || c == '_' || c == '-') {
      name += static_cast<char>(c);
    } else {
      name += '%';
      name += digits[c >> 4];
      name += digits[c & 15];
    }
  }
  return name;
}

}  // namespace planrun
