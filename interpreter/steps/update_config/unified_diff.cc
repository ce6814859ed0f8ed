// Configuration files are small and the changes few: the common head and tail are cut off and
// the rest is aligned by a longest common subsequence of lines, which is exact and, for the
// few lines left, cheap. A rest too large for that is shown as removed, then added.

#include "interpreter/steps/update_config/unified_diff.h"

#include <algorithm>

namespace planrun {
namespace {

constexpr size_t context_lines = 3;
constexpr size_t largest_table = 4'000'000;  // cells of the LCS table

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    if (end == std::string_view::npos) end = text.size() - 1;
    lines.push_back(text.substr(0, end + 1));
    text.remove_prefix(end + 1);
  }
  return lines;
}

// One line of the diff: ' ' kept, '-' removed, '+' added, with the line's index on each side.
struct Op {
  char kind;
  size_t before, after;
};

std::vector<Op> align(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  size_t head = 0, tail = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  size_t n = a.size() - head - tail, m = b.size() - head - tail;
  std::vector<Op> ops;
  for (size_t i = 0; i < head; ++i) ops.push_back({' ', i, i});
  if (n * m <= largest_table) {
    std::vector<std::vector<uint32_t>> lcs(n + 1, std::vector<uint32_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
      for (size_t j = m; j-- > 0;)
        lcs[i][j] = a[head + i] == b[head + j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) ops.push_back({' ', head + i++, head + j++});
      else if (j == m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) ops.push_back({'-', head + i++, head + j});
      else ops.push_back({'+', head + i, head + j++});
    }
  } else {
    for (size_t i = 0; i < n; ++i) ops.push_back({'-', head + i, head});
    for (size_t j = 0; j < m; ++j) ops.push_back({'+', head + n, head + j});
  }
  for (size_t k = 0; k < tail; ++k) ops.push_back({' ', head + n + k, head + m + k});
  return ops;
}

void print_line(std::vector<std::string>& out, char kind, std::string_view line) {
  bool newline = line.ends_with('\n');
  out.push_back(kind + std::string(newline ? line.substr(0, line.size() - 1) : line));
  if (!newline) out.push_back("\\ No newline at end of file");
}

std::string range(size_t start, size_t count) {
  return std::to_string(count == 0 ? start : start + 1) + (count == 1 ? "" : "," + std::to_string(count));
}

}  // namespace

std::vector<std::string> unified_diff(const DiffTexts& texts, const std::string& label) {
  std::vector<std::string_view> a = lines_of(texts.before), b = lines_of(texts.after);
  std::vector<std::string_view> shown_a = lines_of(texts.shown_before), shown_b = lines_of(texts.shown_after);
  if (shown_a.size() != a.size() || shown_b.size() != b.size()) shown_a = a, shown_b = b;  // a bug; never hide lines
  std::vector<Op> ops = align(a, b);
  std::vector<std::string> out;
  for (size_t k = 0; k < ops.size();) {
    if (ops[k].kind == ' ') { ++k; continue; }
    size_t first = k >= context_lines ? k - context_lines : 0, last = k;
    // A hunk runs on while the next change is within two contexts of the last one.
    for (size_t next = k; next < ops.size(); ++next)
      if (ops[next].kind != ' ') {
        if (next > last + 2 * context_lines) break;
        last = next;
      }
    size_t end = std::min(ops.size(), last + context_lines + 1);
    if (out.empty()) out = {"--- " + label, "+++ " + label + " (planned)"};
    size_t removed = 0, added = 0;
    for (size_t i = first; i < end; ++i) removed += ops[i].kind != '+', added += ops[i].kind != '-';
    out.push_back("@@ -" + range(ops[first].before, removed) + " +" + range(ops[first].after, added) + " @@");
    for (size_t i = first; i < end; ++i)
      print_line(out, ops[i].kind, ops[i].kind == '+' ? shown_b[ops[i].after] : shown_a[ops[i].before]);
    k = end;
  }
  return out;
}

}  // namespace planrun
