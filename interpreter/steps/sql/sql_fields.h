#pragma once

#include <string>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// The fields of `sql`, declared once: the schema is made of them and the action reads them.
struct SqlFields {
  StepField<Dsn> database = StepField<Dsn>::required("database", types::database(), "the database the SQL runs on");
  StepField<Value> script =
      StepField<Value>::optional("script", types::one_of({types::path(), types::list_of(types::path())}),
                                 "SQL script files, run in order (their content is part of the fingerprint)")
          .with_content_in_fingerprint();
  StepField<std::string> statements =
      StepField<std::string>::optional("statements", types::string(), "SQL statements written in the plan");
  StepField<bool> transaction = StepField<bool>::optional(
      "transaction", types::boolean(),
      "run everything in one transaction, all or nothing (default: true on PostgreSQL and SQLite, whose DDL is "
      "transactional; MariaDB/MySQL commits DDL on its own and runs each statement by itself)");
  StepField<std::string> on_error = StepField<std::string>::with_default(
      "on_error", types::string(), "stop",
      "stop: the first failing statement fails the step; continue: log it and go on (for idempotent scripts)");
  StepField<std::string> on_doubt =
      StepField<std::string>::with_default(
          "on_doubt", types::string(), "stop",
          "after a crash while a statement ran, whether it took effect: stop (ask), skip (it did), rerun (it did not)")
          .as_tuning();
};

// The one instance, which the schema is made of and the action reads.
const SqlFields& sql_fields();
// `sql` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& sql_schema();

}  // namespace planrun
