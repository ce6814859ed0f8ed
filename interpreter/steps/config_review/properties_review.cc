#include "interpreter/steps/config_review/properties_review.h"

#include <map>
#include <string>
#include <utility>

#include "interpreter/steps/update_config/properties_reader.h"

namespace planrun {
namespace {

// A file's properties in the order their keys first appear, each with its last value.
class Properties {
 public:
  explicit Properties(std::string_view text) {
    PropertiesReader reader(text);
    for (PropertiesReader::Entry entry; reader.next(entry);) {
      auto [at, added] = index_.try_emplace(entry.key, entries_.size());
      if (added) entries_.emplace_back(entry.key, entry.value);
      else entries_[at->second].second = entry.value;
    }
  }
  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }
  const std::string* find(const std::string& key) const {
    auto found = index_.find(key);
    return found == index_.end() ? nullptr : &entries_[found->second].second;
  }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
  std::map<std::string, size_t> index_;
};

}  // namespace

std::vector<SettingDifference> properties_differences(std::string_view new_text, std::string_view old_text, bool all_secret) {
  using Kind = SettingDifference::Kind;
  Properties fresh(new_text), old(old_text);
  std::vector<SettingDifference> differences;
  for (const auto& [key, value] : fresh.entries()) {
    bool secret = all_secret || names_a_password(key);
    const std::string* old_value = old.find(key);
    if (!old_value) differences.push_back({Kind::OnlyInNew, key, shown_value(value, secret), std::nullopt});
    else if (*old_value != value)
      differences.push_back({Kind::Changed, key, shown_value(value, secret), shown_value(*old_value, secret)});
  }
  for (const auto& [key, value] : old.entries())
    if (!fresh.find(key))
      differences.push_back({Kind::OnlyInOld, key, std::nullopt, shown_value(value, all_secret || names_a_password(key))});
  return differences;
}

}  // namespace planrun
