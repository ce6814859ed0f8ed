#include "interpreter/diagnostics/diagnostic.h"

#include <algorithm>
#include <cstdio>
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

namespace {

// The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none.
size_t utf8_sequence_at(const std::string& text, size_t i) {
  auto byte = [&](size_t at) { return at < text.size() ? static_cast<unsigned char>(text[at]) : 0u; };
  unsigned char lead = byte(i);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
  for (size_t k = 1; k < length; ++k)
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
  return length;
}

// The source line as a terminal can show it, and the caret under `column` (a byte column).
// Control bytes and bytes that are not UTF-8 (a binary file given as a plan) are shown as \xNN,
// so the terminal gets no raw escape sequences; tabs are kept in both lines so the caret lines
// up in any terminal; a UTF-8 character takes one column.
std::pair<std::string, std::string> shown_line_and_caret(const std::string& line, int column) {
  std::string shown, pad;
  size_t caret_at = column > 0 ? static_cast<size_t>(column - 1) : 0;
  for (size_t i = 0; i < line.size();) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    size_t length = utf8_sequence_at(line, i);
    std::string piece;  // what the terminal is given for these bytes
    size_t width = 1;   // the columns it takes there
    if (c == '\t') {
      piece = "\t";
    } else if (length == 0 || c < 0x20 || c == 0x7f) {
      char escaped[5];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
      piece = escaped, length = 1, width = piece.size();
    } else {
      piece = line.substr(i, length);
    }
    if (i < caret_at) pad += c == '\t' ? std::string("\t") : std::string(width, ' ');
    shown += piece;
    i += length;
  }
  return {shown, pad + "^"};
}

}  // namespace

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
    auto [shown, caret] = shown_line_and_caret(source_line, d.location.column);
    out += shown + "\n";
    if (d.location.column > 0) out += caret + "\n";
  }
  return out;
}

}  // namespace planrun
