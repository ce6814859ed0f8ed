#pragma once

#include "interpreter/evaluation/param_values.h"
#include "interpreter/step_kit/step_context.h"
#include "interpreter/values/secret_texts.h"

namespace planrun {

// Masks the text of every secret a run knows of: its secret parameters, and anything built
// from them that contains their text.
class SecretMaskerSet final : public SecretMasker {
 public:
  explicit SecretMaskerSet(const ParamValues& params) {
    for (const auto& [name, value] : params) texts_.add(value);
  }
  std::string mask(const std::string& text) const override { return texts_.mask(text); }

 private:
  SecretTexts texts_;
};

}  // namespace planrun
