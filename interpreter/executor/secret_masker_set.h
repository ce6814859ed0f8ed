#pragma once

#include <string>
#include <vector>

#include "interpreter/evaluation/param_values.h"
#include "interpreter/executor/step_context.h"

namespace planrun {

// Masks the text of every secret a run knows of (its secret parameters, and anything built from
// them) wherever it appears in a line, as CI systems mask secrets in logs.
class SecretMaskerSet final : public SecretMasker {
 public:
  explicit SecretMaskerSet(const ParamValues& params);
  std::string mask(const std::string& text) const override;

 private:
  std::vector<std::string> texts_;  // longest first, so no part of a longer secret is left
};

}  // namespace planrun
