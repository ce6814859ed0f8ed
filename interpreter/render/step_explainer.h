#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/steps/step_catalog.h"

namespace planrun {

// Renders `planrun explain`: the list of step types, or one type with everything an author
// needs to write a step of it (fields, types, defaults, docs, alternatives, outputs).
// Reads the schemas it is given, which must outlive it (by default the catalogue's).
class StepExplainer {
 public:
  explicit StepExplainer(const std::vector<StepSchema>& schemas = step_schemas()) : schemas_(schemas) {}

  // A table of every step type: its name, effect and summary.
  std::string overview() const;

  // One step type in full; nullopt when there is no such type, with `error` saying so
  // ("unknown step type 'copy-dirr' (did you mean 'copy-dir'?)").
  std::optional<std::string> explain(std::string_view type, std::string* error) const;

 private:
  const std::vector<StepSchema>& schemas_;
};

// "check", "backup", "write", "create", "external".
std::string effect_name(StepSchema::Effect effect);

}  // namespace planrun
