#include "interpreter/databases/sql_script/sql_statement_splitter.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>

namespace planrun {
namespace {

bool is_identifier_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// Line and column (1-based, columns in UTF-8 characters) of byte offsets in one text.
class Positions {
 public:
  explicit Positions(std::string_view text) : text_(text) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
  size_t line(size_t offset) const {
    return static_cast<size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                               line_starts_.begin());
  }
  size_t column(size_t offset) const {
    size_t column = 1;
    for (size_t i = line_starts_[line(offset) - 1]; i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return column;
  }

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

// psql's heuristic for SQL-standard function bodies (psqlscan.l): in a statement that starts
// CREATE [OR REPLACE] FUNCTION|PROCEDURE, BEGIN ... END (and CASE ... END inside it) outside
// parentheses holds semicolons that do not end the statement.
class PostgresqlBlockDepth {
 public:
  void word(std::string_view word, int paren_depth) {
    if (words_ < 4) {
      bool tracked = equals_ignoring_case(word, "create") || equals_ignoring_case(word, "function") ||
                     equals_ignoring_case(word, "procedure") || equals_ignoring_case(word, "or") ||
                     equals_ignoring_case(word, "replace");
      initials_[words_] = tracked ? static_cast<char>(std::tolower(static_cast<unsigned char>(word[0]))) : 0;
    }
    ++words_;
    if (!creates_routine() || paren_depth != 0) return;
    if (equals_ignoring_case(word, "begin")) ++depth_;
    else if (equals_ignoring_case(word, "case") && depth_ >= 1) ++depth_;
    else if (equals_ignoring_case(word, "end") && depth_ > 0) --depth_;
  }
  int depth() const { return depth_; }
  void reset() { *this = PostgresqlBlockDepth(); }

 private:
  bool creates_routine() const {
    const char* i = initials_;
    return i[0] == 'c' && (i[1] == 'f' || i[1] == 'p' || (i[1] == 'o' && i[2] == 'r' && (i[3] == 'f' || i[3] == 'p')));
  }
  char initials_[4] = {0, 0, 0, 0};
  size_t words_ = 0;
  int depth_ = 0;
};

// One pass over the script, in the state its client would be in: inside a statement or between
// statements; quotes, comments and dollar quotes are skipped whole.
class Splitter {
 public:
  Splitter(std::string_view text, SqlDialect dialect) : text_(text), dialect_(dialect), positions_(text) {}

  std::vector<SqlStatement> split() {
    while (pos_ < text_.size()) {
      if (at_line_start() && line_is_command()) continue;
      step();
    }
    if (started()) finish(text_.size());
    return std::move(statements_);
  }

 private:
  bool mysql() const { return dialect_ == SqlDialect::Mysql; }
  bool postgresql() const { return dialect_ == SqlDialect::Postgresql; }
  bool started() const { return start_ != std::string_view::npos; }
  bool at_line_start() const { return pos_ == 0 || text_[pos_ - 1] == '\n'; }
  char at(size_t offset) const { return offset < text_.size() ? text_[offset] : '\0'; }

  [[noreturn]] void fail(const std::string& message, size_t offset) const {
    throw SqlScriptError(message, positions_.line(offset), positions_.column(offset));
  }

  // A client's own line (DELIMITER) or one planrun refuses (Oracle's `/`): consumed or refused.
  bool line_is_command() {
    size_t first = pos_;
    while (first < text_.size() && (text_[first] == ' ' || text_[first] == '\t')) ++first;
    size_t end = text_.find('\n', first);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view line = text_.substr(first, end - first);
    while (!line.empty() && is_space(line.back())) line.remove_suffix(1);
    if (line == "/" && !(mysql() && delimiter_ == "/"))
      fail("a line holding only '/' ends a block in Oracle's SQL*Plus; " + dialect_name(dialect_) +
               (mysql() ? " statements end with the delimiter (';', or another set by a DELIMITER line)"
                        : " statements end with ';'"),
           first);
    if (!mysql() || started() || line.size() < 9 || !equals_ignoring_case(line.substr(0, 9), "delimiter")) return false;
    if (line.size() > 9 && !is_space(line[9])) return false;
    std::string_view rest = line.substr(9);
    while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
    std::string_view delimiter = rest.substr(0, std::min(rest.size(), rest.find_first_of(" \t")));
    if (delimiter.empty()) fail("DELIMITER needs the new delimiter, e.g. 'DELIMITER //'", first);
    delimiter_ = std::string(delimiter);
    pos_ = end;
    return true;
  }

  void step() {
    char c = text_[pos_];
    if (is_space(c)) return void(++pos_);
    if (skip_comment()) return;
    if (!started() && at_delimiter()) return void(pos_ += delimiter_.size());  // an empty statement
    if (!started()) start_ = pos_;
    if (at_delimiter()) return end_statement();
    if (c == '\'') return skip_quoted('\'', mysql());
    if (c == '"') return skip_quoted('"', mysql());
    if (c == '`' && dialect_ != SqlDialect::Postgresql) return skip_quoted('`', false);
    if (c == '[' && dialect_ == SqlDialect::Sqlite) return skip_bracket_identifier();
    if (c == '$' && postgresql() && skip_dollar_quote()) return;
    if (is_identifier_start(c)) return scan_word();
    if (postgresql() && c == '(') ++paren_depth_;
    if (postgresql() && c == ')' && paren_depth_ > 0) --paren_depth_;
    ++pos_;
  }

  bool at_delimiter() const {
    if (text_.compare(pos_, delimiter_.size(), delimiter_) != 0) return false;
    return !postgresql() || (paren_depth_ == 0 && block_.depth() == 0);
  }

  // Comments are skipped; MySQL's /*! */ and /*+ */ are code the server reads, kept as text.
  bool skip_comment() {
    char c = text_[pos_], next = at(pos_ + 1);
    if (c == '-' && next == '-') {
      if (mysql() && !(pos_ + 2 >= text_.size() || is_space(text_[pos_ + 2]))) return false;
      return skip_line();
    }
    if (c == '#' && mysql()) return skip_line();
    if (c != '/' || next != '*') return false;
    if (mysql() && (at(pos_ + 2) == '!' || at(pos_ + 2) == '+')) {
      if (!started()) start_ = pos_;
      skip_block_comment();
      return true;
    }
    skip_block_comment();
    return true;
  }

  bool skip_line() {
    size_t end = text_.find('\n', pos_);
    pos_ = end == std::string_view::npos ? text_.size() : end;
    return true;
  }

  // PostgreSQL's block comments nest; the others end at the first */.
  void skip_block_comment() {
    size_t opened = pos_;
    int depth = 0;
    while (pos_ < text_.size()) {
      if (text_[pos_] == '/' && at(pos_ + 1) == '*' && (postgresql() || depth == 0)) {
        ++depth;
        pos_ += 2;
      } else if (text_[pos_] == '*' && at(pos_ + 1) == '/') {
        pos_ += 2;
        if (--depth == 0) return;
      } else {
        ++pos_;
      }
    }
    fail("this /* comment is not closed: no */ before the end of the script", opened);
  }

  // A quoted string or identifier: the quote doubled stands for itself; with backslash escapes
  // (MySQL strings, PostgreSQL E'' strings) a backslash takes the next character literally.
  void skip_quoted(char quote, bool backslash_escapes) {
    size_t opened = pos_++;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c == '\\' && backslash_escapes) {
        ++pos_;
      } else if (c == quote) {
        if (at(pos_) != quote) return;
        ++pos_;
      }
    }
    std::string what = quote == '\'' ? "string" : "quoted identifier";
    if (quote == '"' && mysql()) what = "string";
    fail(std::string("this ") + what + " is not closed: no " + quote + " before the end of the script", opened);
  }

  // SQLite's [name] identifiers, as SQL Server and Access write them.
  void skip_bracket_identifier() {
    size_t end = text_.find(']', pos_ + 1);
    if (end == std::string_view::npos) fail("this [ quoted identifier is not closed: no ] before the end of the script", pos_);
    pos_ = end + 1;
  }

  // $tag$ ... $tag$, where the tag is empty or an identifier without $; `$1` is a parameter.
  bool skip_dollar_quote() {
    size_t end = pos_ + 1;
    if (end < text_.size() && is_identifier_start(text_[end]))
      while (end < text_.size() && (is_identifier_start(text_[end]) || std::isdigit(static_cast<unsigned char>(text_[end]))))
        ++end;
    if (at(end) != '$') return false;
    std::string_view tag = text_.substr(pos_, end + 1 - pos_);
    size_t close = text_.find(tag, end + 1);
    if (close == std::string_view::npos)
      fail("this dollar quote " + std::string(tag) + " is not closed: no " + std::string(tag) +
               " before the end of the script",
           pos_);
    pos_ = close + tag.size();
    return true;
  }

  // A keyword or identifier: PostgreSQL counts BEGIN/END blocks and reads E'' strings.
  void scan_word() {
    size_t begin = pos_;
    while (pos_ < text_.size() && (is_identifier_start(text_[pos_]) || std::isdigit(static_cast<unsigned char>(text_[pos_])) ||
                                   (postgresql() && text_[pos_] == '$')))
      ++pos_;
    std::string_view word = text_.substr(begin, pos_ - begin);
    if (!postgresql()) return;
    if (equals_ignoring_case(word, "e") && at(pos_) == '\'') return skip_quoted('\'', true);
    block_.word(word, paren_depth_);
  }

  // At a delimiter: SQLite's shell ends the statement only when sqlite3_complete agrees (a
  // trigger's body holds semicolons); the others end it here.
  void end_statement() {
    if (dialect_ == SqlDialect::Sqlite) {
      std::string candidate(text_.substr(start_, pos_ + 1 - start_));
      if (!sqlite3_complete(candidate.c_str())) return void(++pos_);
    }
    finish(pos_);
    pos_ += delimiter_.size();
  }

  void finish(size_t end) {
    std::string_view statement = text_.substr(start_, end - start_);
    while (!statement.empty() && is_space(statement.back())) statement.remove_suffix(1);
    statements_.push_back({std::string(statement), positions_.line(start_), positions_.column(start_)});
    start_ = std::string_view::npos;
    paren_depth_ = 0;
    block_.reset();
  }

  std::string_view text_;
  SqlDialect dialect_;
  Positions positions_;
  size_t pos_ = 0;
  size_t start_ = std::string_view::npos;  // where the pending statement begins
  std::string delimiter_ = ";";
  int paren_depth_ = 0;
  PostgresqlBlockDepth block_;
  std::vector<SqlStatement> statements_;
};

}  // namespace

std::vector<SqlStatement> split_sql_script(std::string_view text, SqlDialect dialect) {
  return Splitter(text, dialect).split();
}

std::string dialect_name(SqlDialect dialect) {
  switch (dialect) {
    case SqlDialect::Sqlite: return "SQLite";
    case SqlDialect::Postgresql: return "PostgreSQL";
    case SqlDialect::Mysql: return "MariaDB/MySQL";
  }
  return "SQL";
}

std::optional<SqlDialect> sql_dialect_of(Dsn::Kind kind) {
  switch (kind) {
    case Dsn::Kind::Sqlite: return SqlDialect::Sqlite;
    case Dsn::Kind::Postgresql: return SqlDialect::Postgresql;
    case Dsn::Kind::Mysql: return SqlDialect::Mysql;
    case Dsn::Kind::H2: return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace planrun
