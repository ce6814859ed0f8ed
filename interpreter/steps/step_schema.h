#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interpreter/values/type_spec.h"

namespace planrun {

// What a step type accepts and promises, declared once: the compiler checks plans against it,
// `planrun explain` prints it, and the JSON Schema for editors is generated from it.
struct StepSchema {
  // How a step relates to the data it touches; the backup policy reads this.
  enum class Effect {
    Check,         // reads only (assertions, waits, smoke tests)
    Backup,        // saves data so that later writes can be undone by hand
    Write,         // changes data that may be precious: must come after a backup
    Create,        // makes new things (unpack into a new home, update its config)
    External,      // runs something planrun cannot see into (commands, human gates)
  };

  std::string type;                  // "copy-db"
  int version = 1;                   // bumped when the meaning of the fields changes: fingerprints change
  std::string summary;               // one line for `planrun explain`
  Effect effect = Effect::Check;
  TypeSpec with;                     // an Object type: the `with:` fields
  std::vector<std::string> outputs;  // names usable as ${steps.ID.outputs.NAME}
};

// Every step type of the catalogue, in the order `planrun explain` lists them.
const std::vector<StepSchema>& step_schemas();
// The schema of a step type, or nullptr.
const StepSchema* find_step_schema(std::string_view type);
std::vector<std::string> step_type_names();

}  // namespace planrun
