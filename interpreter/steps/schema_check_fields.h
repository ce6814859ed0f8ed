#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interpreter/schema/schema_comparison.h"
#include "interpreter/schema/schema_difference_report.h"
#include "interpreter/step_kit/step_field.h"

namespace planrun {

class Databases;
class FileSystem;

// The fields compare-schema and smoke-test's `schema` check share, declared once.
struct SchemaCheckFields {
  StepField<Dsn> database =
      StepField<Dsn>::required("database", types::database(), "the database whose schema is checked; opened read-only");
  StepField<Dsn> equals_database = StepField<Dsn>::optional(
      "equals_database", types::database(), "the reference: another database of the same type, opened read-only");
  StepField<Value> equals_script = StepField<Value>::optional(
      "equals_script", types::one_of({types::path(), types::list_of(types::path())}),
      "the reference: DDL scripts, run in order in a scratch database (or PostgreSQL schema) on the same server, "
      "dropped afterwards");
  StepField<std::vector<std::string>> ignore_names = StepField<std::vector<std::string>>::optional(
      "ignore_names", types::list_of(types::string()),
      "indexes, constraints: match these by their content (table, columns, uniqueness), not their names");
  StepField<std::vector<std::string>> allow = StepField<std::vector<std::string>>::optional(
      "allow", types::list_of(types::string()),
      "expected differences as the report labels them, e.g. 'changed: table T column C default' (* and ? allowed)");

  std::vector<FieldSpec> specs() const {
    return {database.spec(), equals_database.spec(), equals_script.spec(), ignore_names.spec(), allow.spec()};
  }
  std::vector<std::vector<std::string>> exactly_one_of() const { return {{equals_database.name(), equals_script.name()}}; }
};

const SchemaCheckFields& schema_check_fields();

// One comparison as the fields ask for it.
struct SchemaCheckRequest {
  Dsn database;
  std::optional<Dsn> equals_database;
  std::vector<std::string> equals_script;
  SchemaComparisonOptions options;
  std::vector<std::string> allow;
};

// Reads the request from resolved fields; throws StepFailure (Failed) naming the field for an
// unknown `ignore_names` word or a malformed `allow` entry.
SchemaCheckRequest schema_check_request(const Value::Map& fields);

struct SchemaCheckResult {
  ComparedSides sides;
  std::vector<SchemaDifference> differences;  // allowed ones included, marked
  std::vector<std::string> unused_allowances;
  size_t unexpected() const;                  // the differences no `allow` entry expects
};

// Reads both schemas (the DDL scripts through `files`) and compares them. Throws DatabaseError
// (a database or script failed) or EnvironmentError (a script cannot be read).
SchemaCheckResult run_schema_check(Databases& databases, const FileSystem& files, const SchemaCheckRequest& request);

// "would compare the schema of D with the scripts a.sql, b.sql (ignoring index names)".
std::string describe_schema_check(const SchemaCheckRequest& request);

}  // namespace planrun
