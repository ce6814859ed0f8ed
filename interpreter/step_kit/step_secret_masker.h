#pragma once

#include <string>
#include <vector>

#include "interpreter/step_kit/step_context.h"
#include "interpreter/values/secret_texts.h"

namespace planrun {

// The executor's masker, plus the text of every secret among a step's own fields: whatever a
// step shows (command lines, command output) passes through both, so a secret field's text
// never appears even if the executor's masker did not know of it.
class StepSecretMasker final : public SecretMasker {
 public:
  explicit StepSecretMasker(const StepContext& context);
  std::string mask(const std::string& text) const override;

 private:
  const SecretMasker& executor_masker_;
  SecretTexts field_secrets_;
};

}  // namespace planrun
