// The catalogue entry of `confirm`: no database client or archive library is linked from here.

#include "interpreter/steps/confirm/confirm_fields.h"

namespace planrun {

const ConfirmFields& confirm_fields() {
  static const ConfirmFields declared;
  return declared;
}

const StepSchema& confirm_schema() {
  static const StepSchema schema =
      make_step_schema("confirm", 1, "a human gate before a point of no return; --yes answers it for unattended runs",
                       StepSchema::Effect::External, {confirm_fields().message.spec()}, {}, {});
  return schema;
}

}  // namespace planrun
