#pragma once

#include <map>
#include <string>
#include <vector>

#include "interpreter/diagnostics/source_location.h"

namespace planrun {

enum class Severity { Warning, Error };

// One finding about a plan, always at a place in a file.
struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLocation location;
  std::string message;
};

// Collects every diagnostic of a compilation, so that all mistakes are reported at once.
class Diagnostics {
 public:
  void error(SourceLocation where, std::string message);
  void warning(SourceLocation where, std::string message);
  // Adds `later`'s findings after these, as if they had been reported here.
  void append(Diagnostics&& later);

  bool has_errors() const;
  const std::vector<Diagnostic>& all() const { return items_; }
  // Sorted by file, line, column; stable for findings at the same place.
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
};

// The texts of the files diagnostics point into, to print the source line under a message.
class SourceFiles {
 public:
  // Keeps `text` as the text of `path`; returns the kept copy.
  const std::string& add(const std::string& path, std::string text) { return texts_[path] = std::move(text); }
  // The whole text, or empty when unknown.
  const std::string& text(const std::string& path) const;
  // The line without its newline, or empty when unknown.
  std::string line(const std::string& path, int line) const;

 private:
  std::map<std::string, std::string> texts_;
};

// Renders "FILE:LINE:COL: error: MESSAGE", the source line and a caret under the column.
std::string render(const Diagnostic& diagnostic, const SourceFiles& sources);

}  // namespace planrun
