#include "interpreter/steps/compare_schema/schema_check.h"

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/schema/schema_allowances.h"
#include "interpreter/schema/schema_reader.h"
#include "interpreter/schema/scratch_schema.h"
#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

std::vector<std::string> script_paths(const Value& given) {
  std::vector<std::string> paths;
  if (given.is_list())
    for (const Value& item : given.as_list()) paths.push_back(item.to_text());
  else
    paths.push_back(given.to_text());
  return paths;
}

std::vector<DdlScript> read_scripts(const FileSystem& files, const std::vector<std::string>& paths) {
  std::vector<DdlScript> scripts;
  for (const std::string& path : paths) {
    std::optional<std::string> text = files.read_file(path);
    if (!text) throw EnvironmentError("cannot read the DDL script " + path + ": no such file");
    scripts.push_back({path, *std::move(text)});
  }
  return scripts;
}

DatabaseSchema read_database(Databases& databases, const Dsn& dsn) {
  std::unique_ptr<DatabaseConnection> connection = databases.open(dsn, {.read_only = true});
  return read_schema(*connection);
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) text += (i ? ", " : "") + items[i];
  return text;
}

}  // namespace

SchemaCheckRequest schema_check_request(const Value::Map& fields) {
  const SchemaCheckFields& f = schema_check_fields();
  SchemaCheckRequest request{f.database.read(fields), f.equals_database.find(fields), {}, {}, {}, {}};
  if (std::optional<Value> scripts = f.equals_script.find(fields)) request.equals_script = script_paths(*scripts);
  for (const std::string& word : f.ignore_names.find(fields).value_or(std::vector<std::string>{})) {
    if (word == "indexes") request.options.ignore_index_names = true;
    else if (word == "constraints") request.options.ignore_constraint_names = true;
    else
      throw StepFailure(StepFailure::Kind::Failed,
                        "field 'ignore_names' holds '" + word + "': the names that can be ignored are indexes and constraints");
  }
  request.allow = f.allow.find(fields).value_or(std::vector<std::string>{});
  for (const std::string& entry : request.allow)
    if (std::optional<std::string> error = allowance_error(entry))
      throw StepFailure(StepFailure::Kind::Failed, "field 'allow': " + *error);
  return request;
}

size_t SchemaCheckResult::unexpected() const {
  size_t count = 0;
  for (const SchemaDifference& difference : differences) count += difference.allowed ? 0 : 1;
  return count;
}

SchemaCheckResult run_schema_check(Databases& databases, const FileSystem& files, const SchemaCheckRequest& request) {
  SchemaCheckResult result;
  result.sides.actual = request.database.to_string();
  DatabaseSchema reference;
  if (request.equals_database) {
    if (request.equals_database->kind != request.database.kind)
      throw DatabaseError("cannot compare the schema of " + request.database.to_string() + " with " +
                          request.equals_database->to_string() + ": they are of different types (" +
                          kind_name(request.database.kind) + ", " + kind_name(request.equals_database->kind) +
                          "), whose column types are not comparable");
    result.sides.reference = request.equals_database->to_string();
    reference = read_database(databases, *request.equals_database);
  } else {
    result.sides.reference = joined(request.equals_script);
    reference = schema_of_scripts(databases, request.database, read_scripts(files, request.equals_script),
                                  request.scratch_owner);
  }
  DatabaseSchema actual = read_database(databases, request.database);
  result.differences = compare_schemas(reference, actual, request.options);
  result.unused_allowances = apply_allowances(result.differences, request.allow);
  return result;
}

std::string describe_schema_check(const SchemaCheckRequest& request) {
  std::string text = "would compare the schema of " + request.database.to_string() + " with " +
                     (request.equals_database ? "that of " + request.equals_database->to_string()
                                              : "the DDL scripts " + joined(request.equals_script));
  std::vector<std::string> ignored;
  if (request.options.ignore_index_names) ignored.push_back("index names");
  if (request.options.ignore_constraint_names) ignored.push_back("constraint names");
  if (!ignored.empty()) text += " (ignoring " + joined(ignored) + ")";
  if (!request.allow.empty()) text += ", allowing " + joined(request.allow);
  return text;
}

}  // namespace planrun
