// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/sql/sql_step.h"
#include "interpreter/steps/sql/sql_fields.h"

#include <soci/soci.h>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/steps/sql/sql_progress.h"
#include "interpreter/steps/sql/sql_script_run.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;

const SqlFields& fields() { return sql_fields(); }

// How many statements `planrun plan` lists before "... and N more".
constexpr size_t listed_statements = 10;

SqlDialect dialect_of(const Dsn& dsn) {
  if (std::optional<SqlDialect> dialect = sql_dialect_of(dsn.kind)) return *dialect;
  throw StepFailure(Kind::Precondition, "the sql step runs on SQLite, PostgreSQL and MariaDB/MySQL; " + dsn.to_string() +
                                            " is an H2 database, which planrun cannot open");
}

std::vector<std::string> script_paths(const Value::Map& given) {
  std::optional<Value> script = fields().script.find(given);
  if (!script) return {};
  if (script->is_string()) return {script->as_string()};
  return value_as<std::vector<std::string>>(*script, "script");
}

std::vector<SqlSource> read_sources(const Value::Map& given, const FileSystem& files) {
  std::vector<SqlSource> sources;
  for (const std::string& path : script_paths(given)) {
    std::optional<std::string> text = files.read_file(path);
    if (!text) throw StepFailure(Kind::Precondition, "the SQL script " + path + " does not exist");
    sources.push_back({path, *std::move(text)});
  }
  if (auto statements = fields().statements.find(given)) sources.push_back({"statements", *statements});
  if (sources.empty()) throw StepFailure(Kind::Failed, "give the SQL as `script` (files) or `statements` (text)");
  return sources;
}

std::string one_of(const std::string& field, const std::string& value, const std::vector<std::string>& allowed) {
  for (const std::string& name : allowed)
    if (value == name) return value;
  std::string names;
  for (const std::string& name : allowed) names += (names.empty() ? "" : " or ") + name;
  throw StepFailure(Kind::Failed, "field '" + field + "' is '" + value + "'; it takes " + names);
}

SqlRunOptions run_options(const Value::Map& given, const Dsn& dsn) {
  SqlRunOptions options;
  options.transaction = fields().transaction.find(given).value_or(dsn.kind != Dsn::Kind::Mysql);
  if (options.transaction && dsn.kind == Dsn::Kind::Mysql)
    throw StepFailure(Kind::Failed, "`transaction: true` cannot hold on MariaDB/MySQL, which commits DDL on its own: "
                                    "leave `transaction` unset, and the step records each statement as it runs");
  options.continue_on_error = one_of("on_error", fields().on_error.read(given), {"stop", "continue"}) == "continue";
  options.on_doubt = one_of("on_doubt", fields().on_doubt.read(given), {"stop", "skip", "rerun"});
  return options;
}

std::string sources_named(const Value::Map& given) {
  std::string names;
  for (const std::string& path : script_paths(given)) names += (names.empty() ? "" : ", ") + path;
  if (fields().statements.given(given)) names += names.empty() ? "the step's statements" : " and the step's statements";
  return names;
}

// Where a resume continues, from the interrupted attempt's checkpoints (sql_progress.h).
std::string resume_point(const SqlScript& script, const std::map<std::string, std::string>& checkpoints) {
  MapCheckpoints store(checkpoints);
  SqlProgress progress(store);
  if (progress.commit() == SqlProgress::Commit::Done) return "the interrupted attempt committed the script: nothing left to run";
  if (progress.commit() == SqlProgress::Commit::Pending)
    return "the interrupted attempt was committing the script's transaction: a resume asks the database whether it did";
  if (std::optional<size_t> running = progress.running(); running && *running < script.statements.size())
    return "statement " + std::to_string(*running + 1) + " (" + script.location_of(script.statements[*running]) +
           ") was cut off by the interruption: a resume stops there unless on_doubt says whether it took effect";
  size_t next = progress.done();
  if (next >= script.statements.size()) return "the interrupted attempt ran every statement";
  return "resumes at statement " + std::to_string(next + 1) + " (" + script.location_of(script.statements[next]) +
         "): 1 to " + std::to_string(next) + " ran";
}

}  // namespace

const StepSchema& SqlStep::schema() const { return sql_schema(); }

std::vector<std::string> SqlStep::describe(const DescribeContext& context) const {
  Dsn dsn = fields().database.read(context.fields);
  std::string from = sources_named(context.fields);
  SqlScript script;
  SqlRunOptions options;
  try {
    options = run_options(context.fields, dsn);
    script = split_sources(read_sources(context.fields, *context.services.files), dialect_of(dsn));
  } catch (const StepFailure& failure) {
    return {context.masker.mask("would run the SQL of " + from + " on " + dsn.to_string() + " (" + failure.what() + ")")};
  }
  size_t count = script.statements.size();
  std::vector<std::string> lines{context.masker.mask(
      "would run " + std::to_string(count) + (count == 1 ? " statement" : " statements") + " from " + from + " on " +
      dsn.to_string() + (options.transaction ? " in one transaction" : ", each committed by itself"))};
  for (size_t i = 0; i < count && i < listed_statements; ++i)
    lines.push_back(context.masker.mask("  " + std::to_string(i + 1) + ". " + script.location_of(script.statements[i]) +
                                        ": " + first_line_of(script.statements[i].statement.text)));
  if (count > listed_statements) lines.push_back("  ... and " + std::to_string(count - listed_statements) + " more");
  if (!context.checkpoints.empty()) lines.push_back(context.masker.mask(resume_point(script, context.checkpoints)));
  return lines;
}

void SqlStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  Dsn dsn = fields().database.read(context.fields);
  SqlRunOptions options = run_options(context.fields, dsn);
  SqlScript script = split_sources(read_sources(context.fields, *context.services.files), dialect_of(dsn));
  // A missing service is a bug in planrun (exit 70), not a failure of the plan.
  if (!context.services.databases) throw std::logic_error("the executor gave the step no Databases service");
  SqlRunResult result;
  try {
    std::unique_ptr<DatabaseConnection> connection = context.services.databases->open(dsn);
    result = run_sql_script(context, *connection, script, options);
  } catch (const DatabaseError& error) {
    throw StepFailure(Kind::Failed, masker.mask(error.what()));
  } catch (const soci::soci_error& error) {
    throw StepFailure(Kind::Failed, masker.mask("the database " + dsn.to_string() + " failed: " + error.what()));
  } catch (const StepFailure& failure) {
    throw StepFailure(failure.kind, masker.mask(failure.what()));
  }
  context.outputs["statements"] = Value(static_cast<int64_t>(result.statements));
  context.outputs["failed"] = Value(static_cast<int64_t>(result.failed));
}

}  // namespace planrun
