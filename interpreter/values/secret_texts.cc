#include "interpreter/values/secret_texts.h"

#include <algorithm>
#include <string_view>

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
    add_text(value.to_text());
    for (const std::string& part : value.secret_parts())
      if (!part.empty()) add_text(part);
  }
}

// Output reaches the masker line by line (LineSplitter), so a secret of several lines (a key,
// a certificate) is also masked line by line. A line shorter than kMinimumLine is left alone:
// masking `}` or `ab` wherever it occurs would wreck the log and tell little.
void SecretTexts::add_text(const std::string& text) {
  texts_.push_back(text);
  if (text.find_first_of("\r\n") == std::string::npos) return;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find_first_of("\r\n", start), text.size());
    std::string_view line = std::string_view(text).substr(start, end - start);
    size_t first = line.find_first_not_of(" \t"), last = line.find_last_not_of(" \t");
    if (first != std::string_view::npos && last - first + 1 >= kMinimumLine)
      texts_.emplace_back(line.substr(first, last - first + 1));
    start = end + 1;
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
