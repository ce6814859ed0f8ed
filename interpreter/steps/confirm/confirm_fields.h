#pragma once

#include <string>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"

namespace planrun {

// The fields of `confirm`, declared once: the schema is made of them and the action reads them.
struct ConfirmFields {
  StepField<std::string> message =
      StepField<std::string>::required("message", types::string(), "what the operator is asked to confirm");
};

// The one instance, which the schema is made of and the action reads.
const ConfirmFields& confirm_fields();
// `confirm` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& confirm_schema();

}  // namespace planrun
