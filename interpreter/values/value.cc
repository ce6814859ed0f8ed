#include "interpreter/values/value.h"

#include <cstdio>

namespace planrun {

const std::vector<std::string>& Value::secret_parts() const {
  static const std::vector<std::string> none;
  return secret_parts_ ? *secret_parts_ : none;
}

Value& Value::set_secret_parts(std::vector<std::string> parts) {
  secret_parts_ = parts.empty() ? nullptr : std::make_shared<const std::vector<std::string>>(std::move(parts));
  return *this;
}

bool Value::contains_secret() const {
  if (secret_) return true;
  if (is_list())
    for (const Value& item : as_list())
      if (item.contains_secret()) return true;
  if (is_map())
    for (const auto& [key, item] : as_map())
      if (item.contains_secret()) return true;
  return false;
}

static std::string number_text(double d) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.17g", d);
  return buffer;
}

static std::string joined(const Value& v, std::string (Value::*each)() const) {
  std::string out;
  if (v.is_list()) {
    out = "[";
    for (const Value& item : v.as_list()) out += (out.size() > 1 ? ", " : "") + (item.*each)();
    return out + "]";
  }
  out = "{";
  for (const auto& [key, item] : v.as_map()) out += (out.size() > 1 ? ", " : "") + key + ": " + (item.*each)();
  return out + "}";
}

std::string Value::to_text() const {
  if (is_null()) return "null";
  if (is_bool()) return as_bool() ? "true" : "false";
  if (is_int()) return std::to_string(as_int());
  if (is_double()) return number_text(std::get<double>(data_));
  if (is_string()) return as_string();
  return joined(*this, &Value::to_text);
}

std::string Value::display() const {
  if (secret_) return "***";
  if (is_list() || is_map()) return joined(*this, &Value::display);
  return to_text();
}

static std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string Value::canonical() const {
  if (is_null()) return "null";
  if (is_bool() || is_int()) return to_text();
  if (is_double()) return "d:" + number_text(std::get<double>(data_));
  if (is_string()) return quoted(as_string());
  std::string out;
  if (is_list()) {
    out = "[";
    for (const Value& item : as_list()) out += item.canonical() + ",";
    return out + "]";
  }
  out = "{";
  for (const auto& [key, item] : as_map()) out += quoted(key) + ":" + item.canonical() + ",";
  return out + "}";
}

std::string Value::type_name() const {
  if (is_null()) return "null";
  if (is_bool()) return "bool";
  if (is_int()) return "int";
  if (is_double()) return "number";
  if (is_string()) return "string";
  if (is_list()) return "list";
  return "map";
}

}  // namespace planrun
