#include "interpreter/steps/sql/sql_script.h"

#include "interpreter/step_kit/step_failure.h"

namespace planrun {

std::string SqlScript::location_of(const ScriptStatement& statement) const {
  return source_of(statement).name + ":" + std::to_string(statement.statement.line) + ":" +
         std::to_string(statement.statement.column);
}

SqlScript split_sources(std::vector<SqlSource> sources, SqlDialect dialect) {
  SqlScript script;
  script.sources = std::move(sources);
  for (size_t index = 0; index < script.sources.size(); ++index) {
    const SqlSource& source = script.sources[index];
    try {
      for (SqlStatement& statement : split_sql_script(source.text, dialect))
        script.statements.push_back({index, std::move(statement)});
    } catch (const SqlScriptError& error) {
      throw StepFailure(StepFailure::Kind::Failed, source.name + ":" + std::to_string(error.line) + ":" +
                                                       std::to_string(error.column) + ": " + error.what());
    }
  }
  return script;
}

std::string first_line_of(const std::string& statement, size_t width) {
  std::string line = statement.substr(0, statement.find('\n'));
  bool more = line.size() < statement.size();
  if (line.size() > width) {
    size_t cut = width;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    line = line.substr(0, cut);
    more = true;
  }
  return more ? line + " ..." : line;
}

}  // namespace planrun
