#include "interpreter/values/secret_texts.h"

#include <algorithm>

namespace planrun {

void SecretTexts::add(const Value& value) {
  collect(value, false);
  std::stable_sort(texts_.begin(), texts_.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

void SecretTexts::collect(const Value& value, bool inside_secret) {
  bool secret = inside_secret || value.secret();
  if (value.is_list()) {
    for (const Value& item : value.as_list()) collect(item, secret);
  } else if (value.is_map()) {
    for (const auto& [key, item] : value.as_map()) collect(item, secret);
  } else if (secret && !value.is_null() && !value.to_text().empty()) {
    texts_.push_back(value.to_text());
  }
}

std::string SecretTexts::mask(const std::string& text) const {
  static const std::string hidden = "***";
  std::string out = text;
  for (const std::string& secret : texts_)
    for (size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at + hidden.size()))
      out.replace(at, secret.size(), hidden);
  return out;
}

}  // namespace planrun
