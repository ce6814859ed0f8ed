#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace planrun {

// A run-time value: what a parameter holds, an expression yields, or a step receives.
// `secret` marks a value that came from a secret (or was built from one): it is shown as ***
// wherever it is displayed, and enters fingerprints only as a keyed hash.
class Value {
 public:
  using List = std::vector<Value>;
  using Map = std::map<std::string, Value>;  // sorted keys: canonical by construction

  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  Value(int i) : data_(static_cast<int64_t>(i)) {}
  Value(int64_t i) : data_(i) {}
  Value(double d) : data_(d) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(List l) : data_(std::move(l)) {}
  Value(Map m) : data_(std::move(m)) {}

  bool is_null() const { return std::holds_alternative<std::monostate>(data_); }
  bool is_bool() const { return std::holds_alternative<bool>(data_); }
  bool is_int() const { return std::holds_alternative<int64_t>(data_); }
  bool is_double() const { return std::holds_alternative<double>(data_); }
  bool is_number() const { return is_int() || is_double(); }
  bool is_string() const { return std::holds_alternative<std::string>(data_); }
  bool is_list() const { return std::holds_alternative<List>(data_); }
  bool is_map() const { return std::holds_alternative<Map>(data_); }

  bool as_bool() const { return std::get<bool>(data_); }
  int64_t as_int() const { return std::get<int64_t>(data_); }
  double as_double() const { return is_int() ? static_cast<double>(as_int()) : std::get<double>(data_); }
  const std::string& as_string() const { return std::get<std::string>(data_); }
  const List& as_list() const { return std::get<List>(data_); }
  const Map& as_map() const { return std::get<Map>(data_); }
  List& as_list() { return std::get<List>(data_); }
  Map& as_map() { return std::get<Map>(data_); }

  bool secret() const { return secret_; }
  Value& mark_secret(bool secret = true) {
    secret_ = secret;
    return *this;
  }
  // True when this value or anything inside it is secret.
  bool contains_secret() const;
  // The texts of the secrets a secret string was built from together with plain text
  // ("echo ${upper(pw)}" remembers the text of upper(pw)), so that each can be masked where it
  // shows up alone, as in a command's output. Empty when the value is secret as a whole.
  const std::vector<std::string>& secret_parts() const;
  Value& set_secret_parts(std::vector<std::string> parts);

  // "null", "true", "42", the string itself, or "[a, b]" / "{k: v}"; secrets as ***.
  std::string display() const;
  // The string a value becomes when interpolated into text; secrets give their real text.
  std::string to_text() const;
  // A canonical, type-tagged serialization for fingerprints; secrets must be replaced first.
  std::string canonical() const;
  // "string", "int", "bool", "list", ... for messages.
  std::string type_name() const;

  friend bool operator==(const Value& a, const Value& b) { return a.data_ == b.data_; }

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, List, Map> data_;
  bool secret_ = false;
  std::shared_ptr<const std::vector<std::string>> secret_parts_;  // rare: kept out of line
};

}  // namespace planrun
