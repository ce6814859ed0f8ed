#pragma once

#include <string>
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

// Builds a schema from its parts; the `with:` fields are usually StepField specs.
StepSchema make_step_schema(std::string type, int version, std::string summary, StepSchema::Effect effect,
                            std::vector<FieldSpec> fields, std::vector<std::vector<std::string>> exactly_one_of,
                            std::vector<std::string> outputs);

}  // namespace planrun
