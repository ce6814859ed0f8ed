#include "interpreter/observers/summary_table.h"

#include <algorithm>
#include <array>
#include <functional>

#include "interpreter/observers/display_width.h"
#include "interpreter/observers/elapsed_time.h"

namespace planrun {
namespace {

constexpr size_t kColumns = 5;
constexpr size_t kOutcomeColumn = 1;
using Row = std::array<std::string, kColumns>;

const Row kHeader = {"step", "outcome", "attempts", "duration", "message"};
constexpr std::array<bool, kColumns> kRightAligned = {false, false, true, true, false};

Row row_of(const StepResult& result) {
  bool ran = result.attempts > 0;
  std::string message = result.message.substr(0, result.message.find('\n'));
  return {result.step ? result.step->id : std::string("?"), outcome_name(result.outcome),
          ran ? std::to_string(result.attempts) : "-", ran ? format_elapsed(result.duration) : "-", message};
}

using Widths = std::array<size_t, kColumns>;

Widths widths_of(const std::vector<Row>& rows) {
  Widths widths{};
  for (const Row& row : rows)
    for (size_t column = 0; column < kColumns; ++column)
      widths[column] = std::max(widths[column], display_width(row[column]));
  return widths;
}

std::string padded(const std::string& cell, size_t width, bool right) {
  return right ? std::string(width - display_width(cell), ' ') + cell : pad_to_width(cell, width);
}

// The cells padded to their columns, the message left as is. The outcome is painted after
// padding, so that escape codes never count as width.
std::string line_of(const Row& row, const Widths& widths, const std::function<std::string(std::string)>& paint_outcome) {
  std::string line;
  for (size_t column = 0; column < kColumns; ++column) {
    if (column > 0) line += "  ";
    std::string cell = column + 1 == kColumns ? row[column] : padded(row[column], widths[column], kRightAligned[column]);
    line += column == kOutcomeColumn ? paint_outcome(cell) : cell;
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}

}  // namespace

std::vector<std::string> summary_table(const std::vector<StepResult>& results, const TerminalStyle& style) {
  std::vector<Row> rows = {kHeader};
  for (const StepResult& result : results) rows.push_back(row_of(result));
  Widths widths = widths_of(rows);
  auto plain = [](std::string cell) { return cell; };
  std::vector<std::string> lines = {style.paint(TerminalStyle::Tone::Bold, line_of(kHeader, widths, plain))};
  for (size_t index = 0; index < results.size(); ++index) {
    TerminalStyle::Tone tone = TerminalStyle::tone(results[index].outcome);
    lines.push_back(line_of(rows[index + 1], widths, [&](std::string cell) { return style.paint(tone, cell); }));
  }
  return lines;
}

}  // namespace planrun
