#include "interpreter/step_kit/schema_parts.h"

namespace planrun {

TypeSpec command_line_type() { return types::one_of({types::string(), types::list_of(types::string())}); }

bool is_command_line_type(const TypeSpec& type) {
  return type.kind == TypeSpec::Kind::OneOf && type.alternatives.size() == 2 &&
         type.alternatives[0].kind == TypeSpec::Kind::String && type.alternatives[1].kind == TypeSpec::Kind::List &&
         type.alternatives[1].element.size() == 1 && type.alternatives[1].element[0].kind == TypeSpec::Kind::String;
}

const StepField<std::vector<int64_t>>& expect_exit_field() {
  static const auto declared = StepField<std::vector<int64_t>>::with_default(
      "expect_exit", types::list_of(types::integer()), Value::List{0}, "exit codes that count as success");
  return declared;
}

const HttpProbeFields& http_probe_fields() {
  static const HttpProbeFields declared;
  return declared;
}

TypeSpec http_probe_type(bool with_contains) {
  const HttpProbeFields& probe = http_probe_fields();
  std::vector<FieldSpec> fields{probe.url.spec(), probe.status.spec(), probe.insecure.spec()};
  if (with_contains) fields.push_back(optional_field("contains", types::string(), "text the body must contain"));
  return types::object(std::move(fields));
}

const LogWatchFields& log_watch_fields() {
  static const LogWatchFields declared;
  return declared;
}

TypeSpec log_watch_type() {
  const LogWatchFields& log = log_watch_fields();
  return types::object({log.file.spec(), log.ready.spec(), log.fail_on.spec(), log.pid_file.spec()});
}

}  // namespace planrun
