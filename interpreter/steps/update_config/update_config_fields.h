#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// One assignment of a configuration change: where (`set`), what (`value`), and whether a
// `set` that matches nothing is skipped (`optional`).
TypeSpec config_assignment_type(std::string set_doc, TypeSpec value_type, std::string value_doc);

// The fields of `update-config`, declared once: the schema is made of them and the action reads them.
struct UpdateConfigFields {
  StepField<std::filesystem::path> file =
      StepField<std::filesystem::path>::required("file", types::path(), "the configuration file to change");
  StepField<Value> xml = StepField<Value>::optional(
      "xml",
      config_assignment_type("XPath of the element (its text is replaced) or attribute, "
                             "e.g. //datasource[name='WSO2_CARBON_DB']/definition/configuration/url",
                             types::any(), "its new text (a number or boolean is written as text)"),
      "changes to an XML file");
  StepField<Value> properties = StepField<Value>::optional(
      "properties",
      types::one_of(
          {types::map_of(types::any()), config_assignment_type("the property key", types::any(), "its new value")}),
      "changes to a Java properties file: key: value, or a list of set/value");
  StepField<Value> yaml = StepField<Value>::optional(
      "yaml",
      config_assignment_type("dotted path of the key, e.g. server.port (list items by index: servers.0.port)",
                             types::any(), "its new value (text, number, list or map)"),
      "changes to a YAML file");
  StepField<std::map<std::string, std::string>> namespaces = StepField<std::map<std::string, std::string>>::optional(
      "namespaces", types::map_of(types::string()),
      "XPath prefixes for a namespaced XML file, e.g. c: http://wso2.org/projects/carbon/carbon.xml");
};

// The one instance, which the schema is made of and the action reads.
const UpdateConfigFields& update_config_fields();
// `update-config` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& update_config_schema();

}  // namespace planrun
