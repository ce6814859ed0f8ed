#include "interpreter/observers/summary_table.h"

#include <algorithm>
#include <array>

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

std::array<size_t, kColumns> widths_of(const std::vector<Row>& rows) {
  std::array<size_t, kColumns> widths{};
  for (const Row& row : rows)
    for (size_t column = 0; column < kColumns; ++column)
      widths[column] = std::max(widths[column], display_width(row[column]));
  return widths;
}

std::string padded(const std::string& cell, size_t width, bool right) {
  return right ? std::string(width - display_width(cell), ' ') + cell : pad_to_width(cell, width);
}

}  // namespace

std::vector<std::string> summary_table(const std::vector<StepResult>& results, const TerminalStyle& style) {
  std::vector<Row> rows = {kHeader};
  for (const StepResult& result : results) rows.push_back(row_of(result));
  auto widths = widths_of(rows);
  std::vector<std::string> lines;
  for (size_t index = 0; index < rows.size(); ++index) {
    std::string line;
    for (size_t column = 0; column < kColumns; ++column) {
      if (column > 0) line += "  ";
      bool last = column + 1 == kColumns;
      std::string cell = last ? rows[index][column] : padded(rows[index][column], widths[column], kRightAligned[column]);
      if (index > 0 && column == kOutcomeColumn) cell = style.paint(TerminalStyle::tone(results[index - 1].outcome), cell);
      line += cell;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(index == 0 ? style.paint(TerminalStyle::Tone::Bold, line) : line);
  }
  return lines;
}

}  // namespace planrun
