// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/update_config_step.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

namespace {

// One assignment of a configuration change: where (`set`) and what (`value`).
TypeSpec assignment(std::string set_doc, TypeSpec value_type, std::string value_doc) {
  return types::list_of(types::object({
      required_field("set", types::string(), std::move(set_doc)),
      required_field("value", std::move(value_type), std::move(value_doc)),
  }));
}

}  // namespace

StepSchema update_config_schema() {
  // Exactly one of xml / properties / yaml: a file has one format, and the key says which. A step
  // that mixed two would be a mistake; changing several files takes several steps.
  return {"update-config", 1,
          "sets values in an XML (XPath), properties or YAML configuration file; a dry run shows the diff",
          Effect::Create,
          types::object(
              {
                  required_field("file", types::path(), "the configuration file to change"),
                  optional_field("xml",
                                 assignment("XPath of the element or attribute, "
                                            "e.g. //datasource[name='WSO2_CARBON_DB']/definition/configuration/url",
                                            types::string(), "its new text"),
                                 "changes to an XML file"),
                  optional_field("properties",
                                 types::one_of({types::map_of(types::string()),
                                                assignment("the property key", types::string(), "its new value")}),
                                 "changes to a Java properties file: key: value, or a list of set/value"),
                  optional_field("yaml",
                                 assignment("dotted path of the key, e.g. server.port", types::any(),
                                            "its new value (text, number, list or map)"),
                                 "changes to a YAML file"),
                  optional_field("namespaces", types::map_of(types::string()),
                                 "XPath prefixes for a namespaced XML file, e.g. c: http://wso2.org/projects/carbon/carbon.xml"),
              },
              {{"xml", "properties", "yaml"}}),
          {"changed"}};
}

}  // namespace planrun
