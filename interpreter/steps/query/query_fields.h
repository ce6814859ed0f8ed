#pragma once

#include <cstdint>
#include <string>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// The fields of `query`, declared once: the schema is made of them and the action reads them.
struct QueryFields {
  StepField<Dsn> database =
      StepField<Dsn>::required("database", types::database(), "the database the query runs on (opened read-only)");
  StepField<std::string> query = StepField<std::string>::required(
      "query", types::string(), "a SELECT; its first row is published (order it: ORDER BY, LIMIT 1)");
  StepField<int64_t> min_rows = StepField<int64_t>::with_default(
      "min_rows", types::integer(), 1, "the step fails when the query returns fewer rows (0: never)");
};

// The one instance, which the schema is made of and the action reads.
const QueryFields& query_fields();
// `query` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& query_schema();

}  // namespace planrun
