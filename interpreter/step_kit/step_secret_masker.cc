#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {

StepSecretMasker::StepSecretMasker(const StepContext& context) : executor_masker_(context.masker) {
  for (const auto& [name, value] : context.fields) field_secrets_.add(value);
}

std::string StepSecretMasker::mask(const std::string& text) const {
  return field_secrets_.mask(executor_masker_.mask(text));
}

}  // namespace planrun
