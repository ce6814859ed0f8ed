#pragma once

#include <string>
#include <vector>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// The fields of `assert-db-empty`, declared once: the schema is made of them and the action reads them.
struct AssertDbEmptyFields {
  StepField<Dsn> database = StepField<Dsn>::required("database", types::database(), "the database that must be empty");
  StepField<std::vector<std::string>> ignore = StepField<std::vector<std::string>>::optional(
      "ignore", types::list_of(types::string()),
      "table names or patterns (* and ?) that do not count, e.g. flyway_schema_history");
};

// The one instance, which the schema is made of and the action reads.
const AssertDbEmptyFields& assert_db_empty_fields();
// `assert-db-empty` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& assert_db_empty_schema();

}  // namespace planrun
