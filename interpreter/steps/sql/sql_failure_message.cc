#include "interpreter/steps/sql/sql_failure_message.h"

#include <algorithm>

namespace planrun {
namespace {

// The text of line `line` (1-based) of `text`.
std::string line_of(const std::string& text, size_t line) {
  size_t start = 0;
  for (size_t i = 1; i < line && start != std::string::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos || start > text.size()) return "";
  std::string found = text.substr(start, text.find('\n', start) - start);
  if (!found.empty() && found.back() == '\r') found.pop_back();
  return found;
}

size_t characters(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// The source line and, with a column (1-based; 0 for none), a caret under it.
std::string excerpt(const std::string& source, size_t line, size_t column) {
  std::string number = std::to_string(line);
  std::string gutter(std::max<size_t>(number.size(), 4), ' ');
  std::string shown = std::string(gutter.size() - number.size(), ' ') + number;
  std::string text = line_of(source, line);
  std::string out = "\n" + shown + " | " + text;
  if (column == 0) return out;  // the database names a line, not a spot in it
  // Tabs stay tabs, so the caret lines up under them in a terminal.
  std::string pad;
  size_t seen = 0;
  for (size_t i = 0; i < text.size() && seen + 1 < column; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    pad += text[i] == '\t' ? '\t' : ' ';
    ++seen;
  }
  out += "\n" + gutter + " | " + pad + "^";
  return out;
}

}  // namespace

std::string database_said(const StatementError& error) {
  return error.code_text() + ": " + error.message.substr(0, error.message.find('\n'));
}

std::string statement_failure_message(const SqlScript& script, size_t index, const StatementError& error) {
  const ScriptStatement& failed = script.statements[index];
  const SqlStatement& statement = failed.statement;
  const std::string& source = script.source_of(failed).text;
  std::string head = script.location_of(failed) + ": statement " + std::to_string(index + 1) + " of " +
                     std::to_string(script.statements.size()) + " failed: " + database_said(error);
  if (error.offset) {
    std::string_view before = std::string_view(statement.text).substr(0, std::min(*error.offset, statement.text.size()));
    size_t newlines = static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
    size_t line_start = before.rfind('\n');
    size_t column = newlines == 0 ? statement.column + characters(before)
                                  : characters(before.substr(line_start + 1)) + 1;
    return head + excerpt(source, statement.line + newlines, column);
  }
  if (error.line) return head + excerpt(source, statement.line + *error.line - 1, 0);
  return head + excerpt(source, statement.line, statement.column);
}

}  // namespace planrun
