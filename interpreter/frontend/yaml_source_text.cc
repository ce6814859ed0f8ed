#include "interpreter/frontend/yaml_source_text.h"

#include <algorithm>

namespace planrun {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// How many bytes of properties (`&anchor`, `!tag`) start at `start`, or 0 when no content
// follows them on the same line.
size_t properties_length(std::string_view text, size_t start) {
  size_t at = start;
  while (at < text.size() && (text[at] == '&' || text[at] == '!')) {
    while (at < text.size() && !is_blank(text[at]) && text[at] != '\n' && text[at] != '\r') ++at;
    while (at < text.size() && is_blank(text[at])) ++at;
  }
  bool content_follows = at < text.size() && text[at] != '\n' && text[at] != '\r' && text[at] != '#';
  return content_follows ? at - start : 0;
}

// The part of a source line before a comment: `#` starts one at the line start or after a blank.
std::string_view before_comment(std::string_view line) {
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '#' && (i == 0 || is_blank(line[i - 1]))) return line.substr(0, i);
  return line;
}

}  // namespace

YamlSourceText::YamlSourceText(std::string path, std::string_view text)
    : path_(std::move(path)), text_(text), bom_(text.starts_with("\xEF\xBB\xBF") ? 3 : 0) {
  line_starts_.push_back(0);
  for (size_t at = text.find('\n'); at != npos; at = text.find('\n', at + 1)) line_starts_.push_back(at + 1);
}

size_t YamlSourceText::offset(const YAML::Mark& mark) const {
  if (mark.line < 0 || mark.column < 0 || static_cast<size_t>(mark.line) >= line_starts_.size()) return npos;
  size_t line = static_cast<size_t>(mark.line);
  return std::min(line_starts_[line] + (line == 0 ? bom_ : 0) + mark.column, text_.size());
}

SourceLocation YamlSourceText::location(const YAML::Mark& mark) const {
  if (mark.line < 0) return {path_, 0, 0};  // no position: the whole file
  return {path_, mark.line + 1, std::max(mark.column, 0) + 1};
}

std::string_view YamlSourceText::rest(size_t offset) const {
  return offset == npos ? std::string_view() : text_.substr(offset);
}

YamlSourceText::Position YamlSourceText::node_position(const YAML::Mark& mark) const {
  Position position{location(mark), offset(mark)};
  if (position.offset == npos) return position;
  size_t skip = properties_length(text_, position.offset);
  position.location.column += static_cast<int>(skip);
  position.offset += skip;
  return position;
}

bool YamlSourceText::written_null_at(size_t offset) const {
  std::string_view text = rest(offset);
  return text.starts_with("~") || text.starts_with("null") || text.starts_with("Null") || text.starts_with("NULL");
}

SourceLocation YamlSourceText::dash_before(const YAML::Mark& item) const {
  size_t end = offset(item);
  SourceLocation fallback = location(item);
  while (end != npos && end > 0) {
    size_t start = line_start(end - 1);
    std::string_view line = before_comment(text_.substr(start, end - start));
    size_t last = line.find_last_not_of(" \t\r\n");
    if (last != npos) return line[last] == '-' ? location_at(start + last) : fallback;
    end = start;
  }
  return fallback;
}

int YamlSourceText::content_offset(size_t offset, std::string_view scalar) const {
  if (offset == npos || scalar.find('\n') != npos) return -1;
  std::string_view text = text_.substr(offset);
  // A plain scalar cannot start with a quote, so a quote here opens a quoted one.
  int skip = !text.empty() && (text[0] == '"' || text[0] == '\'') ? 1 : 0;
  return text.substr(skip).starts_with(scalar) ? skip : -1;
}

SourceLocation YamlSourceText::location_at(size_t offset) const {
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(next - line_starts_.begin()) - 1;
  size_t start = line_starts_[line] + (line == 0 ? bom_ : 0);
  return {path_, static_cast<int>(line) + 1, static_cast<int>(offset > start ? offset - start : 0) + 1};
}

size_t YamlSourceText::line_start(size_t offset) const {
  auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return *(next - 1);
}

}  // namespace planrun
