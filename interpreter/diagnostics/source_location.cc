#include "interpreter/diagnostics/source_location.h"

#include <mutex>
#include <set>

namespace planrun {

// Names are few (the plans and vars files of one invocation) and never freed.
FileName::FileName(const std::string& path) {
  static std::mutex mutex;
  static std::set<std::string> names;
  std::lock_guard lock(mutex);
  path_ = &*names.insert(path).first;
}

}  // namespace planrun
