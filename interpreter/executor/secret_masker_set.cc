#include "interpreter/executor/secret_masker_set.h"

#include <algorithm>

#include "interpreter/steps/step_fields.h"

namespace planrun {

SecretMaskerSet::SecretMaskerSet(const ParamValues& params) {
  for (const auto& [name, value] : params) collect_secret_texts(value, texts_);
  std::sort(texts_.begin(), texts_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

std::string SecretMaskerSet::mask(const std::string& text) const {
  std::string out = text;
  for (const std::string& secret : texts_) {
    for (size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at + 3))
      out.replace(at, secret.size(), "***");
  }
  return out;
}

}  // namespace planrun
