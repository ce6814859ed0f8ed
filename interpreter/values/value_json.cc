#include "interpreter/values/value_json.h"

namespace planrun {

nlohmann::json to_json(const Value& value, bool reveal_secrets) {
  if (value.secret() && !reveal_secrets) return "***";
  if (value.is_null()) return nullptr;
  if (value.is_bool()) return value.as_bool();
  if (value.is_int()) return value.as_int();
  if (value.is_double()) return value.as_double();
  if (value.is_string()) return value.as_string();
  if (value.is_list()) {
    nlohmann::json list = nlohmann::json::array();
    for (const Value& item : value.as_list()) list.push_back(to_json(item, reveal_secrets));
    return list;
  }
  nlohmann::json map = nlohmann::json::object();
  for (const auto& [key, item] : value.as_map()) map[key] = to_json(item, reveal_secrets);
  return map;
}

Value from_json(const nlohmann::json& json) {
  if (json.is_boolean()) return Value(json.get<bool>());
  if (json.is_number_integer()) return Value(json.get<int64_t>());
  if (json.is_number()) return Value(json.get<double>());
  if (json.is_string()) return Value(json.get<std::string>());
  if (json.is_array()) {
    Value::List items;
    for (const auto& item : json) items.push_back(from_json(item));
    return Value(std::move(items));
  }
  if (json.is_object()) {
    Value::Map entries;
    for (const auto& [key, item] : json.items()) entries[key] = from_json(item);
    return Value(std::move(entries));
  }
  return Value();
}

}  // namespace planrun
