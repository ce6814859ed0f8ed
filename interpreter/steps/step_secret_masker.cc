#include "interpreter/steps/step_secret_masker.h"

#include <algorithm>

#include "interpreter/steps/step_fields.h"

namespace planrun {
namespace {

constexpr std::string_view hidden = "***";

void replace_all(std::string& text, const std::string& secret) {
  for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + hidden.size()))
    text.replace(at, secret.size(), hidden);
}

}  // namespace

StepSecretMasker::StepSecretMasker(const StepContext& context) : executor_masker_(context.masker) {
  for (const auto& [name, value] : context.fields) collect_secret_texts(value, secret_texts_);
  std::sort(secret_texts_.begin(), secret_texts_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string StepSecretMasker::mask(const std::string& text) const {
  std::string masked = executor_masker_.mask(text);
  for (const std::string& secret : secret_texts_) replace_all(masked, secret);
  return masked;
}

}  // namespace planrun
