#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace planrun {

// The `exclude` globs of a tree copy. A pattern without '/' matches an entry's name at any
// depth (`*.log`, `tmp`); one with '/' matches the entry's path from the root (`logs/*.gz`,
// `/tmp`: a leading '/' anchors a name at the root; a trailing '/' is ignored). `*`, `?` and `[...]` never match '/'. An excluded
// directory is left out with everything in it.
class ExcludePatterns {
 public:
  explicit ExcludePatterns(std::vector<std::string> patterns);
  bool excludes(std::string_view relative) const;

 private:
  std::vector<std::string> by_name_;
  std::vector<std::string> by_path_;
};

}  // namespace planrun
