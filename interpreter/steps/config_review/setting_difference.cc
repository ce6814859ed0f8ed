#include "interpreter/steps/config_review/setting_difference.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace planrun {
namespace {

constexpr size_t kLongestShown = 200;

std::string escaped(unsigned char c) {
  if (c == '\n') return "\\n";
  if (c == '\r') return "\\r";
  if (c == '\t') return "\\t";
  char code[8];
  std::snprintf(code, sizeof code, "\\x%02x", c);
  return code;
}

}  // namespace

std::string shown_value(std::string_view value, bool secret) {
  if (secret) return "***";
  if (value.empty()) return "\"\"";
  size_t cut = std::min(value.size(), kLongestShown);
  while (cut < value.size() && cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  std::string shown;
  for (unsigned char c : value.substr(0, cut)) shown += c < 0x20 || c == 0x7F ? escaped(c) : std::string(1, c);
  if (cut < value.size()) shown += "... (" + std::to_string(value.size()) + " characters)";
  return shown;
}

bool names_a_password(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.find("password") != std::string::npos;
}

std::string review_line(const std::string& file, const SettingDifference& difference) {
  std::string where = file + " " + difference.setting;
  switch (difference.kind) {
    case SettingDifference::Kind::Changed:
      return "changed: " + where + ": " + difference.new_value.value_or("\"\"") + " (new pack) -> " +
             difference.old_value.value_or("\"\"") + " (old home)";
    case SettingDifference::Kind::OnlyInOld:
      return "only in old: " + where + (difference.old_value ? ": " + *difference.old_value : "");
    case SettingDifference::Kind::OnlyInNew:
      return "only in new: " + where + (difference.new_value ? ": " + *difference.new_value : "");
  }
  return where;
}

}  // namespace planrun
