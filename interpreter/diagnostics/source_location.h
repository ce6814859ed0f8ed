#pragma once

#include <string>

namespace planrun {

// A position in a plan file: 1-based line and column; line 0 means "the whole file".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  SourceLocation shifted(int columns) const { return {file, line, column + columns}; }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

}  // namespace planrun
