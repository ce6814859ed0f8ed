#include "interpreter/diagnostics/source_location.h"

#include <mutex>
#include <set>

namespace planrun {

// No name at all: every node starts with one, on every thread, so it takes no lock.
const std::string FileName::kNone;

// Names are few (the plans and vars files of one invocation) and never freed.
FileName::FileName(const std::string& path) {
  if (path.empty()) return;
  static std::mutex mutex;
  static std::set<std::string> names;
  std::lock_guard lock(mutex);
  path_ = &*names.insert(path).first;
}

std::string line_column(std::string_view text, size_t offset) {
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    column = text[i] == '\n' ? 1 : column + 1;
    line += text[i] == '\n';
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace planrun
