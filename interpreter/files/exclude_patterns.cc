#include "interpreter/files/exclude_patterns.h"

#include <fnmatch.h>

namespace planrun {
namespace {

std::string without_trailing_slashes(std::string pattern) {
  while (!pattern.empty() && pattern.back() == '/') pattern.pop_back();
  return pattern;
}

bool matches(const std::string& pattern, const std::string& text) {
  return ::fnmatch(pattern.c_str(), text.c_str(), FNM_PATHNAME) == 0;
}

}  // namespace

ExcludePatterns::ExcludePatterns(std::vector<std::string> patterns) {
  for (std::string& given : patterns) {
    std::string pattern = without_trailing_slashes(std::move(given));
    bool anchored = pattern.find('/') != std::string::npos;
    size_t start = pattern.find_first_not_of('/');
    if (start == std::string::npos) continue;
    (anchored ? by_path_ : by_name_).push_back(pattern.substr(start));
  }
}

bool ExcludePatterns::excludes(std::string_view relative) const {
  std::string path(relative);
  std::string name = path.substr(path.rfind('/') + 1);
  for (const std::string& pattern : by_name_)
    if (matches(pattern, name)) return true;
  for (const std::string& pattern : by_path_)
    if (matches(pattern, path)) return true;
  return false;
}

}  // namespace planrun
