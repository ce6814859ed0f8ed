#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interpreter/schema/schema_comparison.h"
#include "interpreter/schema/schema_difference_report.h"
#include "interpreter/steps/compare_schema/compare_schema_fields.h"

namespace planrun {

class Databases;
class FileSystem;

// One comparison as the fields ask for it.
struct SchemaCheckRequest {
  Dsn database;
  std::optional<Dsn> equals_database;
  std::vector<std::string> equals_script;
  SchemaComparisonOptions options;
  std::vector<std::string> allow;
  std::string scratch_owner;  // names the scratch the scripts load into (schema_of_scripts)
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
