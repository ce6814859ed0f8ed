#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "interpreter/databases/sql_script/sql_statement_splitter.h"

namespace planrun {

// One text the `sql` step runs: a script file, or the inline `statements`.
struct SqlSource {
  std::string name;  // the file's path as given, or "statements"
  std::string text;
};

// A statement and the source it came from (an index into SqlScript::sources).
struct ScriptStatement {
  size_t source = 0;
  SqlStatement statement;
};

// The step's statements in the order they run, across its sources.
struct SqlScript {
  std::vector<SqlSource> sources;
  std::vector<ScriptStatement> statements;

  const SqlSource& source_of(const ScriptStatement& statement) const { return sources[statement.source]; }
  // "upgrade.sql:12:1": where a statement starts.
  std::string location_of(const ScriptStatement& statement) const;
};

// Splits each source with the dialect's rules; throws StepFailure naming the source, line and
// column when one cannot be split.
SqlScript split_sources(std::vector<SqlSource> sources, SqlDialect dialect);

// The statement's first line, shortened to `width` characters with "..." (for `planrun plan`).
std::string first_line_of(const std::string& statement, size_t width = 72);

}  // namespace planrun
