#include "interpreter/steps/step_fields.h"

#include "interpreter/executor/step_failure.h"
#include "interpreter/values/duration.h"

namespace planrun {
namespace {

[[noreturn]] void wrong_shape(const std::string& name, const Value& value, const std::string& expected) {
  throw StepFailure(StepFailure::Kind::Failed,
                    "field '" + name + "' holds " + value.display() + " (" + value.type_name() + "), not " + expected);
}

}  // namespace

const Value* find_field(const StepContext& context, const std::string& name) {
  auto found = context.fields.find(name);
  if (found == context.fields.end() || found->second.is_null()) return nullptr;
  return &found->second;
}

const Value& required_field(const StepContext& context, const std::string& name) {
  if (const Value* value = find_field(context, name)) return *value;
  throw StepFailure(StepFailure::Kind::Failed, "field '" + name + "' is required");
}

std::chrono::milliseconds duration_value(const Value& value, const std::string& name) {
  if (value.is_int() && value.as_int() >= 0) return std::chrono::seconds(value.as_int());
  if (value.is_string())
    if (auto parsed = parse_duration(value.as_string())) return *parsed;
  wrong_shape(name, value, "a duration");
}

std::optional<std::chrono::milliseconds> duration_field(const StepContext& context, const std::string& name) {
  const Value* value = find_field(context, name);
  if (!value) return std::nullopt;
  return duration_value(*value, name);
}

std::vector<std::string> string_list_value(const Value& value, const std::string& name) {
  if (!value.is_list()) wrong_shape(name, value, "a list");
  std::vector<std::string> texts;
  for (const Value& item : value.as_list()) {
    if (item.is_list() || item.is_map() || item.is_null()) wrong_shape(name, value, "a list of strings");
    texts.push_back(item.to_text());
  }
  return texts;
}

std::map<std::string, std::string> string_map_value(const Value& value, const std::string& name) {
  if (!value.is_map()) wrong_shape(name, value, "a map");
  std::map<std::string, std::string> texts;
  for (const auto& [key, item] : value.as_map()) {
    if (item.is_list() || item.is_map()) wrong_shape(name, value, "a map of strings");
    texts[key] = item.is_null() ? "" : item.to_text();
  }
  return texts;
}


}  // namespace planrun
