// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/smoke_test_step.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

namespace {

TypeSpec smoke_check() {
  TypeSpec sql = types::object(
      {
          required_field("database", types::database(), "the database the query runs on"),
          required_field("query", types::string(), "the SQL query; its whole result is compared"),
          optional_field("equals", types::any(), "the expected result: one value, or a list of rows"),
          optional_field("equals_query_on", types::database(),
                         "run the same query on this database and expect the same result (source vs target)"),
      },
      {{"equals", "equals_query_on"}});
  TypeSpec command = types::object({
      required_field("command", command_line_type(), "the command, as in a run step"),
      expect_exit_field().spec(),
  });
  return types::object(
      {
          optional_field("name", types::string(), "a label for the check in the report"),
          optional_field("sql", std::move(sql), "a query whose result must match"),
          optional_field("http", http_probe_type(true), "a URL that must answer as expected"),
          optional_field("command", std::move(command), "a command that must exit as expected"),
      },
      {{"sql", "http", "command"}});
}

}  // namespace

StepSchema smoke_test_schema() {
  return {"smoke-test", 1,
          "checks after the upgrade: SQL results, source-vs-target comparisons, HTTP answers, commands",
          Effect::Check,
          types::object({
              required_field("checks", types::list_of(smoke_check()),
                             "the checks; all of them run, and the step fails if any fails"),
          }),
          {"passed", "failed"}};
}

}  // namespace planrun
