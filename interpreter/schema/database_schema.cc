#include "interpreter/schema/database_schema.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace planrun {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool hugs_space(char c) { return c == '(' || c == ')' || c == ',' || c == '\0'; }

// Whether the parenthesis at 0 closes at the very end: "(a) + (b)" is not wrapped, "((a) + b)" is.
bool wrapped_in_parentheses(const std::string& text) {
  if (text.size() < 2 || text.front() != '(' || text.back() != ')') return false;
  int depth = 0;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') quote = c;
    else if (c == '(') ++depth;
    else if (c == ')' && --depth == 0 && i + 1 != text.size()) return false;
  }
  return true;
}

}  // namespace

const SchemaTable* DatabaseSchema::find_table(const std::string& name) const {
  for (const SchemaTable& table : tables)
    if (table.name == name) return &table;
  return nullptr;
}

std::string normalized_sql_text(const std::string& text) {
  std::string out;
  char quote = 0;
  bool pending_space = false;
  for (char c : text) {
    if (quote) {
      out += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space && !hugs_space(out.back()) && !hugs_space(c)) out += ' ';
    pending_space = false;
    if (c == '\'' || c == '"' || c == '`') quote = c;
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  while (wrapped_in_parentheses(out)) out = out.substr(1, out.size() - 2);
  return out;
}

std::string column_list(const std::vector<std::string>& columns) {
  std::string text = "(";
  for (size_t i = 0; i < columns.size(); ++i) text += (i ? ", " : "") + columns[i];
  return text + ")";
}

void sort_schema(DatabaseSchema& schema) {
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(schema.tables.begin(), schema.tables.end(), by_name);
  std::sort(schema.sequences.begin(), schema.sequences.end(), by_name);
  for (SchemaTable& table : schema.tables) {
    std::sort(table.unique_constraints.begin(), table.unique_constraints.end(),
              [](const SchemaKey& a, const SchemaKey& b) { return std::tie(a.name, a.columns) < std::tie(b.name, b.columns); });
    std::sort(table.indexes.begin(), table.indexes.end(), [](const SchemaIndex& a, const SchemaIndex& b) {
      return std::tie(a.name, a.columns) < std::tie(b.name, b.columns);
    });
    std::sort(table.foreign_keys.begin(), table.foreign_keys.end(),
              [](const SchemaForeignKey& a, const SchemaForeignKey& b) {
                return std::tie(a.name, a.columns, a.referenced_table) < std::tie(b.name, b.columns, b.referenced_table);
              });
  }
}

}  // namespace planrun
