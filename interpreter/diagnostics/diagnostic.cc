#include "interpreter/diagnostics/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace planrun {

void Diagnostics::error(SourceLocation where, std::string message) {
  items_.push_back({Severity::Error, std::move(where), std::move(message)});
}

void Diagnostics::warning(SourceLocation where, std::string message) {
  items_.push_back({Severity::Warning, std::move(where), std::move(message)});
}

void Diagnostics::append(Diagnostics&& later) {
  items_.insert(items_.end(), std::make_move_iterator(later.items_.begin()),
                std::make_move_iterator(later.items_.end()));
}

bool Diagnostics::has_errors() const {
  return std::any_of(items_.begin(), items_.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> result = items_;
  std::stable_sort(result.begin(), result.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file.str(), a.location.line, a.location.column) <
           std::tie(b.location.file.str(), b.location.line, b.location.column);
  });
  return result;
}

const std::string& SourceFiles::text(const std::string& path) const {
  static const std::string none;
  auto found = texts_.find(path);
  return found == texts_.end() ? none : found->second;
}

std::string SourceFiles::line(const std::string& path, int line) const {
  auto found = texts_.find(path);
  if (found == texts_.end() || line < 1) return {};
  const std::string& text = found->second;
  size_t start = 0;
  for (int current = 1; current < line; ++current) {
    start = text.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  size_t end = text.find('\n', start);
  std::string result = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!result.empty() && result.back() == '\r') result.pop_back();
  return result;
}

// Tabs in the source line are kept in the caret line so the caret lines up in any terminal.
static std::string caret_under(const std::string& source_line, int column) {
  std::string pad;
  for (int i = 0; i + 1 < column && i < static_cast<int>(source_line.size()); ++i)
    pad += source_line[i] == '\t' ? '\t' : ' ';
  return pad + "^";
}

std::string render(const Diagnostic& d, const SourceFiles& sources) {
  std::string out = d.location.file.str();
  if (d.location.line > 0) {
    out += ":" + std::to_string(d.location.line);
    if (d.location.column > 0) out += ":" + std::to_string(d.location.column);
  }
  out += d.severity == Severity::Error ? ": error: " : ": warning: ";
  out += d.message + "\n";
  std::string source_line = sources.line(d.location.file, d.location.line);
  if (!source_line.empty()) {
    out += source_line + "\n";
    if (d.location.column > 0) out += caret_under(source_line, d.location.column) + "\n";
  }
  return out;
}

}  // namespace planrun
