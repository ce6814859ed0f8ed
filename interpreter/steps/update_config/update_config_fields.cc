// The catalogue entry of `update-config`: no database client or archive library is linked from here.

#include "interpreter/steps/update_config/update_config_fields.h"

namespace planrun {

TypeSpec config_assignment_type(std::string set_doc, TypeSpec value_type, std::string value_doc) {
  return types::list_of(types::object({
      required_field("set", types::string(), std::move(set_doc)),
      required_field("value", std::move(value_type), std::move(value_doc)),
      default_field("optional", types::boolean(), false,
                    "true: a `set` that matches nothing is skipped with a note instead of failing the step"),
  }));
}

const UpdateConfigFields& update_config_fields() {
  static const UpdateConfigFields declared;
  return declared;
}

const StepSchema& update_config_schema() {
  const UpdateConfigFields& f = update_config_fields();
  // Exactly one of xml / properties / yaml: a file has one format, and the key says which.
  // Changing several files takes several steps.
  static const StepSchema schema =
      make_step_schema("update-config", 1,
                       "sets values in an XML (XPath), properties or YAML configuration file; a dry run shows the diff",
                       StepSchema::Effect::Create,
                       {f.file.spec(), f.xml.spec(), f.properties.spec(), f.yaml.spec(), f.namespaces.spec()},
                       {{f.xml.name(), f.properties.name(), f.yaml.name()}}, {"changed"});
  return schema;
}

}  // namespace planrun
