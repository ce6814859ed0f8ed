#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace planrun {

// A file name as locations hold it: one shared copy per distinct name, so that the hundreds of
// thousands of located nodes of a large plan do not each carry their own string.
class FileName {
 public:
  FileName() = default;
  FileName(const std::string& path);  // NOLINT: a path is a file name
  FileName(const char* path) : FileName(std::string(path)) {}

  const std::string& str() const { return *path_; }
  operator const std::string&() const { return *path_; }

  friend bool operator==(const FileName& a, const FileName& b) { return a.path_ == b.path_; }
  friend bool operator<(const FileName& a, const FileName& b) { return *a.path_ < *b.path_; }

 private:
  static const std::string kNone;
  const std::string* path_ = &kNone;  // interned for the life of the process
};

// A position in a plan file: 1-based line and column; line 0 means "the whole file".
struct SourceLocation {
  FileName file;
  int line = 0;
  int column = 0;

  SourceLocation shifted(int columns) const { return {file, line, column + columns}; }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// "line:column" of a byte offset into `text`, counting from 1, for messages about files that
// are not plans (configuration files, XML).
std::string line_column(std::string_view text, size_t offset);

}  // namespace planrun
