#pragma once

#include <string>
#include <vector>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

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
  std::vector<std::vector<std::string>> exactly_one_of() const {
    return {{equals_database.name(), equals_script.name()}};
  }
};

// The one instance, which the schemas are made of and the actions read.
const SchemaCheckFields& schema_check_fields();
// `compare-schema` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& compare_schema_schema();

}  // namespace planrun
