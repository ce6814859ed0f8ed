#include "interpreter/diagnostics/github_annotation.h"

namespace planrun {

static std::string escaped(const std::string& text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

std::string render_github(const Diagnostic& diagnostic) {
  const SourceLocation& where = diagnostic.location;
  std::string out = diagnostic.severity == Severity::Error ? "::error " : "::warning ";
  out += "file=" + escaped(where.file, true);
  if (where.line > 0) out += ",line=" + std::to_string(where.line);
  if (where.line > 0 && where.column > 0) out += ",col=" + std::to_string(where.column);
  out += ",title=planrun check::" + escaped(diagnostic.message, false) + "\n";
  return out;
}

}  // namespace planrun
