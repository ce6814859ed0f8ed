#include "interpreter/frontend/source_comments.h"

#include <algorithm>
#include <utility>

namespace planrun {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

SourceComment comment_at(std::string_view line, size_t hash, int line_number) {
  std::string_view text = line.substr(hash + 1);
  size_t last = text.find_last_not_of(" \t\r");
  text = last == std::string_view::npos ? std::string_view() : text.substr(0, last + 1);
  bool own_line = line.substr(0, hash).find_first_not_of(" \t") == std::string_view::npos;
  return {line_number, std::string(text), own_line};
}

// Calls `visit(line, number, start offset)` for every line of `text`, without its '\n'.
template <typename Visit>
void for_each_line(std::string_view text, Visit visit) {
  int number = 1;
  for (size_t start = 0; start <= text.size(); ++number) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    visit(text.substr(start, end - start), number, start);
    start = end + 1;
  }
}

using Range = std::pair<size_t, size_t>;  // [first, second) byte offsets

// The bytes a quoted scalar starting at `start` spans: to its closing quote.
size_t quoted_end(std::string_view text, size_t start) {
  char quote = text[start];
  for (size_t at = start + 1; at < text.size(); ++at) {
    if (quote == '"' && text[at] == '\\') {
      ++at;
    } else if (text[at] == quote) {
      if (quote == '\'' && at + 1 < text.size() && text[at + 1] == '\'') {
        ++at;
        continue;
      }
      return at + 1;
    }
  }
  return text.size();
}

size_t indentation(std::string_view line) {
  size_t first = line.find_first_not_of(' ');
  return first == std::string_view::npos ? line.size() : first;
}

// The bytes a block scalar (`|` or `>` at `start`) spans: the lines after its indicator that are
// blank or indented deeper than the indicator's line.
size_t block_end(std::string_view text, size_t start) {
  size_t line_start = text.rfind('\n', start);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  size_t indent = indentation(text.substr(line_start, start - line_start));
  size_t at = text.find('\n', start);
  while (at != std::string_view::npos) {
    size_t next = at + 1;
    size_t end = text.find('\n', next);
    std::string_view line = text.substr(next, (end == std::string_view::npos ? text.size() : end) - next);
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (!blank && indentation(line) <= indent) return next;
    at = end;
  }
  return text.size();
}

class ScalarRanges {
 public:
  explicit ScalarRanges(std::string_view text) : text_(text) {
    line_starts_.push_back(text.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    for (size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1))
      line_starts_.push_back(at + 1);
  }

  void add(const ast::Node& node) {
    if (node.is_scalar() && node.quoted) add_scalar(node.location);
    for (const ast::Node& item : node.items) add(item);
    for (const auto& [key, value] : node.entries) {
      add(key);
      add(value);
    }
  }

  std::vector<Range> sorted() {
    std::sort(ranges_.begin(), ranges_.end());
    return std::move(ranges_);
  }

 private:
  void add_scalar(const SourceLocation& where) {
    if (where.line < 1 || static_cast<size_t>(where.line) > line_starts_.size() || where.column < 1) return;
    size_t start = line_starts_[where.line - 1] + static_cast<size_t>(where.column - 1);
    if (start >= text_.size()) return;
    char first = text_[start];
    if (first == '"' || first == '\'') ranges_.emplace_back(start, quoted_end(text_, start));
    // A block scalar's text starts on the line after its indicator, which may end in a comment.
    size_t content = text_.find('\n', start);
    if ((first == '|' || first == '>') && content != std::string_view::npos)
      ranges_.emplace_back(content + 1, block_end(text_, start));
  }

  std::string_view text_;
  std::vector<size_t> line_starts_;
  std::vector<Range> ranges_;
};

}  // namespace

std::vector<SourceComment> plan_text_comments(std::string_view text) {
  std::vector<SourceComment> comments;
  for_each_line(text, [&](std::string_view line, int number, size_t) {
    bool in_string = false;
    for (size_t at = 0; at < line.size(); ++at) {
      if (in_string && line[at] == '\\') {
        ++at;
      } else if (line[at] == '"') {
        in_string = !in_string;
      } else if (!in_string && line[at] == '#') {
        comments.push_back(comment_at(line, at, number));
        return;
      }
    }
  });
  return comments;
}

std::vector<SourceComment> yaml_text_comments(std::string_view text, const ast::Node& document) {
  ScalarRanges scalars(text);
  scalars.add(document);
  std::vector<Range> ranges = scalars.sorted();
  auto range = ranges.begin();
  std::vector<SourceComment> comments;
  for_each_line(text, [&](std::string_view line, int number, size_t start) {
    for (size_t at = 0; at < line.size(); ++at) {
      if (line[at] != '#' || (at > 0 && !is_blank(line[at - 1]))) continue;
      size_t offset = start + at;
      while (range != ranges.end() && range->second <= offset) ++range;
      if (range != ranges.end() && range->first <= offset) continue;  // inside a string
      comments.push_back(comment_at(line, at, number));
      return;
    }
  });
  return comments;
}

}  // namespace planrun
