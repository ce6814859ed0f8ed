#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// The fields of a smoke-test `sql` check.
struct SqlCheckFields {
  StepField<Dsn> database = StepField<Dsn>::required("database", types::database(), "the database the query runs on");
  StepField<std::string> query =
      StepField<std::string>::required("query", types::string(), "the SQL query; its whole result is compared");
  StepField<Value> equals =
      StepField<Value>::optional("equals", types::any(), "the expected result: one value, or a list of rows");
  StepField<Dsn> equals_query_on =
      StepField<Dsn>::optional("equals_query_on", types::database(),
                               "run the same query on this database and expect the same result (source vs target)");
  StepField<int64_t> rows =
      StepField<int64_t>::optional("rows", types::integer(), "the number of rows the query must return");
};
const SqlCheckFields& sql_check_fields();

// The fields of a smoke-test `http` check.
struct HttpCheckFields {
  StepField<std::string> contains =
      StepField<std::string>::optional("contains", types::string(), "text the body must contain");
  StepField<std::string> method =
      StepField<std::string>::with_default("method", types::string(), "GET", "the request method: GET, POST, ...");
  StepField<std::map<std::string, std::string>> headers = StepField<std::map<std::string, std::string>>::optional(
      "headers", types::map_of(types::string()),
      "request headers, e.g. Content-Type: text/xml, SOAPAction: urn:addUser");
  StepField<std::string> body =
      StepField<std::string>::optional("body", types::string(), "the request body (a SOAP envelope)");
  StepField<std::string> user =
      StepField<std::string>::optional("user", types::string(), "user name for basic authentication");
  StepField<Value> password = StepField<Value>::optional(
      "password", types::secret(), "password for basic authentication; must come from a secret param");
  StepField<bool> follow_redirects = StepField<bool>::with_default(
      "follow_redirects", types::boolean(), true, "follow redirects (up to 10) and check the last answer");
};
const HttpCheckFields& http_check_fields();

// The fields of a smoke-test `command` check.
struct CommandCheckFields {
  StepField<Value> command =
      StepField<Value>::required("command", command_line_type(), "the command, as in a run step");
  StepField<std::string> contains =
      StepField<std::string>::optional("contains", types::string(), "text its output (stdout and stderr) must contain");
  StepField<std::map<std::string, std::string>> env = StepField<std::map<std::string, std::string>>::optional(
      "env", types::map_of(types::string()),
      "environment variables added to planrun's own: where a secret goes, not into the command line");
};
const CommandCheckFields& command_check_fields();

// The fields of a smoke-test `file` check.
struct FileCheckFields {
  StepField<std::filesystem::path> path = StepField<std::filesystem::path>::required("path", types::path(), "the file");
  StepField<bool> exists =
      StepField<bool>::with_default("exists", types::boolean(), true, "whether the file must exist (false: must not)");
  StepField<std::string> contains =
      StepField<std::string>::optional("contains", types::string(), "text the file must contain");
  StepField<std::vector<std::string>> not_contains = StepField<std::vector<std::string>>::optional(
      "not_contains", types::list_of(types::string()),
      "texts the file must not contain, e.g. a log's \"ERROR {\" and \"FATAL {\"");
  StepField<int64_t> from_offset = StepField<int64_t>::with_default(
      "from_offset", types::integer(), 0,
      "look only at the file from this byte on (a log's size when the server was started); 0: all of it");
};
const FileCheckFields& file_check_fields();

// One check object of `checks`: a name and exactly one of the kinds (sql, http, command, file, schema).
TypeSpec smoke_check_type();

// The fields of `smoke-test`, declared once: the schema is made of them and the action reads them.
struct SmokeTestFields {
  StepField<Value> checks = StepField<Value>::required("checks", types::list_of(smoke_check_type()),
                                                       "the checks; all of them run, and the step fails if any fails");
};

// The one instance, which the schema is made of and the action reads.
const SmokeTestFields& smoke_test_fields();
// `smoke-test` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& smoke_test_schema();

}  // namespace planrun
