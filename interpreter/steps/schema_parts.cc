#include "interpreter/steps/schema_parts.h"

namespace planrun {

FieldSpec required_field(std::string name, TypeSpec type, std::string doc) {
  return FieldSpec{std::move(name), std::move(type), true, std::nullopt, std::move(doc)};
}

FieldSpec optional_field(std::string name, TypeSpec type, std::string doc) {
  return FieldSpec{std::move(name), std::move(type), false, std::nullopt, std::move(doc)};
}

FieldSpec default_field(std::string name, TypeSpec type, Value default_value, std::string doc) {
  return FieldSpec{std::move(name), std::move(type), false, std::move(default_value), std::move(doc)};
}

TypeSpec command_line_type() { return types::one_of({types::string(), types::list_of(types::string())}); }

FieldSpec expect_exit_field() {
  return default_field("expect_exit", types::list_of(types::integer()), Value::List{0},
                       "exit codes that count as success");
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

}  // namespace planrun
