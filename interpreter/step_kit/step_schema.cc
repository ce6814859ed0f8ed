#include "interpreter/step_kit/step_schema.h"

namespace planrun {

StepSchema make_step_schema(std::string type, int version, std::string summary, StepSchema::Effect effect,
                            std::vector<FieldSpec> fields, std::vector<std::vector<std::string>> exactly_one_of,
                            std::vector<std::string> outputs) {
  return {std::move(type), version, std::move(summary), effect,
          types::object(std::move(fields), std::move(exactly_one_of)), std::move(outputs)};
}

}  // namespace planrun
