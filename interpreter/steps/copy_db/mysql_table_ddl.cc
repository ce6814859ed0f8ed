#include "interpreter/steps/copy_db/mysql_table_ddl.h"

#include "interpreter/databases/database_error.h"

namespace planrun {
namespace {

// Where the quoted text that opens at `at` ('...', "...", `...`) ends: the index of its closing
// quote. Backslash escapes apply inside string literals; a doubled quote is one quote.
size_t quoted_end(const std::string& text, size_t at) {
  char quote = text[at];
  for (size_t i = at + 1; i < text.size(); ++i) {
    if (text[i] == '\\' && quote != '`') ++i;
    else if (text[i] == quote && i + 1 < text.size() && text[i + 1] == quote) ++i;
    else if (text[i] == quote) return i;
  }
  return std::string::npos;
}

bool is_quote(char c) { return c == '\'' || c == '"' || c == '`'; }

// The element list between the statement's first '(' and its matching ')', and that ')'s index.
struct Body {
  size_t open = std::string::npos;
  size_t close = std::string::npos;
  std::vector<std::string> elements;
};

std::string trimmed(const std::string& text) {
  size_t first = text.find_first_not_of(" \n");
  size_t last = text.find_last_not_of(" \n");
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

Body split_body(const std::string& text) {
  Body body;
  int depth = 0;
  size_t element_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (is_quote(c)) {
      i = quoted_end(text, i);
      if (i == std::string::npos) return {};
    } else if (c == '(') {
      if (depth++ == 0) body.open = i, element_start = i + 1;
    } else if (c == ')' && --depth == 0) {
      body.elements.push_back(trimmed(text.substr(element_start, i - element_start)));
      body.close = i;
      return body;
    } else if (c == ',' && depth == 1) {
      body.elements.push_back(trimmed(text.substr(element_start, i - element_start)));
      element_start = i + 1;
    }
  }
  return {};
}

// The first backquoted name in `element` after position `from`.
std::string first_name_after(const std::string& element, size_t from) {
  size_t open = element.find('`', from);
  if (open == std::string::npos) return "";
  size_t close = quoted_end(element, open);
  if (close == std::string::npos) return "";
  std::string name;
  for (size_t i = open + 1; i < close; ++i) {
    if (element[i] == '`') ++i;
    name += element[i];
  }
  return name;
}

// The first column of a key element: the first name inside its column list's parenthesis.
std::string first_key_column(const std::string& element) {
  for (size_t i = 0; i < element.size(); ++i) {
    if (is_quote(element[i])) i = quoted_end(element, i);
    if (i == std::string::npos) return "";
    if (element[i] == '(') return first_name_after(element, i);
  }
  return "";
}

bool starts_with_any(const std::string& text, std::initializer_list<const char*> prefixes) {
  for (const char* prefix : prefixes)
    if (text.starts_with(prefix)) return true;
  return false;
}

bool is_foreign_key(const std::string& element) {
  if (!element.starts_with("CONSTRAINT ")) return false;
  size_t name_end = quoted_end(element, element.find('`'));
  return name_end != std::string::npos && element.compare(name_end + 1, 13, " FOREIGN KEY ") == 0;
}

bool is_secondary_index(const std::string& element) {
  return starts_with_any(element, {"KEY ", "UNIQUE KEY ", "FULLTEXT KEY ", "SPATIAL KEY ", "INDEX ", "UNIQUE INDEX "});
}

// The N of " AUTO_INCREMENT=N" among the table options (before any quoted option text).
std::optional<uint64_t> auto_increment_option(const std::string& options) {
  size_t quote = options.find('\'');
  size_t at = options.find(" AUTO_INCREMENT=");
  if (at == std::string::npos || at > quote) return std::nullopt;
  return std::stoull(options.substr(at + 16));
}

// Classifies each element. InnoDB refuses an AUTO_INCREMENT column unless some key starts
// with it, so when the primary key does not, the first index that does is created with the table.
void classify(MysqlTableDdl& ddl, const std::vector<std::string>& elements) {
  std::string auto_column;
  for (const std::string& element : elements) {
    if (!element.starts_with("`")) continue;
    ddl.columns.push_back(element);
    if (element.find(" AUTO_INCREMENT") != std::string::npos) auto_column = first_name_after(element, 0);
  }
  bool auto_column_keyed = auto_column.empty();
  for (const std::string& element : elements) {
    if (element.starts_with("`")) continue;
    bool keys_auto_column = !auto_column_keyed && first_key_column(element) == auto_column;
    if (is_foreign_key(element)) {
      ddl.foreign_keys.push_back(element);
    } else if (is_secondary_index(element) && !keys_auto_column) {
      ddl.later_keys.push_back(element);
    } else {
      ddl.load_keys.push_back(element);
      if (keys_auto_column && (is_secondary_index(element) || element.starts_with("PRIMARY KEY")))
        auto_column_keyed = true;
    }
  }
}

// The parts of `show_create`, or a DatabaseError naming `table`.
Body parsed(const std::string& table, const std::string& show_create) {
  Body body = split_body(show_create);
  if (body.close == std::string::npos || !show_create.starts_with("CREATE TABLE "))
    throw DatabaseError("copy-db cannot read the definition of table `" + table + "`: " + show_create.substr(0, 80));
  return body;
}

}  // namespace

std::vector<std::string> mysql_table_elements(const std::string& table, const std::string& show_create) {
  return parsed(table, show_create).elements;
}

MysqlTableDdl parse_mysql_table_ddl(const std::string& table, const std::string& show_create) {
  Body body = parsed(table, show_create);
  MysqlTableDdl ddl;
  ddl.head = show_create.substr(0, body.open + 1);
  ddl.options = show_create.substr(body.close);
  ddl.auto_increment = auto_increment_option(ddl.options);
  classify(ddl, body.elements);
  return ddl;
}

std::string MysqlTableDdl::create_for_loading() const {
  std::string sql = head;
  const char* separator = "\n  ";
  for (const auto* part : {&columns, &load_keys})
    for (const std::string& element : *part) {
      sql += separator + element;
      separator = ",\n  ";
    }
  return sql + "\n" + options;
}

}  // namespace planrun
