#include "interpreter/frontend/yaml_step_list_cuts.h"

#include <algorithm>
#include <optional>

namespace planrun {

namespace {

constexpr size_t npos = std::string_view::npos;

size_t indentation(std::string_view line) { return line.find_first_not_of(' '); }

bool is_blank_or_comment(std::string_view line) {
  size_t at = line.find_first_not_of(" \t\r");
  return at == npos || line[at] == '#';
}

// `---`, `...` and `%` directives concern the whole stream; a plan with them is parsed whole.
bool is_stream_level(std::string_view line) {
  return line.starts_with("---") || line.starts_with("...") || line.starts_with("%");
}

// `steps:` at the start of a line with nothing after it but a comment: a top-level key whose
// value is a block on the following lines.
bool opens_step_list(std::string_view line) {
  if (!line.starts_with("steps:")) return false;
  std::string_view rest = line.substr(6);
  size_t at = rest.find_first_not_of(" \t\r");
  return at == npos || (at > 0 && rest[at] == '#');
}

// `- ...` or a lone `-` starting exactly at column `indent`: an item of a block sequence there.
bool is_item_at(std::string_view line, size_t indent) {
  if (indentation(line) != indent || line[indent] != '-') return false;
  return line.size() == indent + 1 || line[indent + 1] == ' ' || line[indent + 1] == '\r';
}

// Where the items of the top-level step list start, or nothing when the plan's shape is not
// one that lines alone can judge.
std::optional<std::vector<size_t>> step_item_starts(std::string_view text) {
  std::vector<size_t> items;
  bool in_steps = false;
  size_t indent = npos;  // of the list's items, from its first line
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    if (is_stream_level(line)) return std::nullopt;
    if (!in_steps) {
      in_steps = opens_step_list(line);
    } else if (!is_blank_or_comment(line)) {
      if (indent == npos) indent = indentation(line);
      if (is_item_at(line, indent))
        items.push_back(start);
      else if (indentation(line) <= indent)
        return std::nullopt;  // not a block list, or another key follows it
    }
    start = end + 1;
  }
  return items;
}

}  // namespace

std::vector<size_t> step_list_cuts(std::string_view text, size_t parts) {
  auto items = parts > 1 ? step_item_starts(text) : std::nullopt;
  if (!items || items->size() < 2) return {};
  // The first part keeps at least the first item, so that its `steps:` stays a list.
  std::vector<size_t> cuts;
  for (size_t part = 1; part < parts; ++part) {
    size_t target = std::max(text.size() / parts * part, (*items)[1]);
    auto cut = std::lower_bound(items->begin(), items->end(), target);
    if (cut == items->end()) break;
    if (cuts.empty() || *cut > cuts.back()) cuts.push_back(*cut);
  }
  return cuts;
}

}  // namespace planrun
