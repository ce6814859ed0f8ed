// The catalogue entry of `smoke-test` and the types of its checks: no database client or
// archive library is linked from here.

#include "interpreter/steps/smoke_test/smoke_test_fields.h"

#include "interpreter/steps/compare_schema/compare_schema_fields.h"

namespace planrun {
namespace {

TypeSpec sql_check_type() {
  const SqlCheckFields& f = sql_check_fields();
  return types::object({f.database.spec(), f.query.spec(), f.equals.spec(), f.equals_query_on.spec(), f.rows.spec()},
                       {{f.equals.name(), f.equals_query_on.name(), f.rows.name()}});
}

TypeSpec http_check_type() {
  const HttpProbeFields& probe = http_probe_fields();
  const HttpCheckFields& f = http_check_fields();
  return types::object({probe.url.spec(), probe.status.spec(), probe.insecure.spec(), f.contains.spec(),
                        f.method.spec(), f.headers.spec(), f.body.spec(), f.user.spec(), f.password.spec(),
                        f.follow_redirects.spec()});
}

TypeSpec command_check_type() {
  return types::object(
      {command_check_fields().command.spec(), expect_exit_field().spec(), command_check_fields().contains.spec(),
       command_check_fields().env.spec()});
}

TypeSpec file_check_type() {
  const FileCheckFields& f = file_check_fields();
  return types::object({f.path.spec(), f.exists.spec(), f.contains.spec(), f.not_contains.spec(), f.from_offset.spec()});
}

TypeSpec schema_check_type() {
  const SchemaCheckFields& f = schema_check_fields();
  return types::object(f.specs(), f.exactly_one_of());
}

// The kinds in the order the plan format documents them, each with what it is for.
struct CheckKindEntry {
  const char* key;
  const char* doc;
  TypeSpec (*type)();
};

const std::vector<CheckKindEntry>& check_kind_entries() {
  static const std::vector<CheckKindEntry> entries{
      {"sql", "a query whose result must match", sql_check_type},
      {"http", "a URL that must answer as expected", http_check_type},
      {"command", "a command that must exit as expected", command_check_type},
      {"file", "a file that must (or must not) exist, with some text in it", file_check_type},
      {"schema", "a database schema that must equal a reference (as compare-schema)", schema_check_type},
  };
  return entries;
}

}  // namespace

const SqlCheckFields& sql_check_fields() {
  static const SqlCheckFields declared;
  return declared;
}

const HttpCheckFields& http_check_fields() {
  static const HttpCheckFields declared;
  return declared;
}

const CommandCheckFields& command_check_fields() {
  static const CommandCheckFields declared;
  return declared;
}

const FileCheckFields& file_check_fields() {
  static const FileCheckFields declared;
  return declared;
}

TypeSpec smoke_check_type() {
  std::vector<FieldSpec> fields{optional_field("name", types::string(), "a label for the check in the report")};
  std::vector<std::string> one_of;
  for (const CheckKindEntry& kind : check_kind_entries()) {
    fields.push_back(optional_field(kind.key, kind.type(), kind.doc));
    one_of.push_back(kind.key);
  }
  return types::object(std::move(fields), {one_of});
}

const SmokeTestFields& smoke_test_fields() {
  static const SmokeTestFields declared;
  return declared;
}

const StepSchema& smoke_test_schema() {
  static const StepSchema schema = make_step_schema(
      "smoke-test", 1,
      "checks after the upgrade: SQL results, source-vs-target comparisons, HTTP answers, commands, files, schemas",
      StepSchema::Effect::Check, {smoke_test_fields().checks.spec()}, {}, {"passed", "failed"});
  return schema;
}

}  // namespace planrun
