#include "interpreter/step_kit/field_value.h"

#include "interpreter/step_kit/step_failure.h"
#include "interpreter/values/duration.h"

namespace planrun {
namespace {

[[noreturn]] void wrong_shape(const std::string& name, const Value& value, const std::string& expected) {
  throw StepFailure(StepFailure::Kind::Failed,
                    "field '" + name + "' holds " + value.display() + " (" + value.type_name() + "), not " + expected);
}

bool is_scalar(const Value& value) { return !value.is_list() && !value.is_map() && !value.is_null(); }

}  // namespace

void read_value(const Value& value, const std::string&, Value& out) { out = value; }

void read_value(const Value& value, const std::string& name, std::string& out) {
  if (!is_scalar(value)) wrong_shape(name, value, "text");
  out = value.to_text();
}

void read_value(const Value& value, const std::string& name, std::filesystem::path& out) {
  if (!is_scalar(value)) wrong_shape(name, value, "a path");
  out = value.to_text();
}

void read_value(const Value& value, const std::string& name, int64_t& out) {
  if (!value.is_int()) wrong_shape(name, value, "an integer");
  out = value.as_int();
}

void read_value(const Value& value, const std::string& name, bool& out) {
  if (!value.is_bool()) wrong_shape(name, value, "true or false");
  out = value.as_bool();
}

void read_value(const Value& value, const std::string& name, std::chrono::milliseconds& out) {
  if (value.is_int() && value.as_int() >= 0) {
    out = std::chrono::seconds(value.as_int());
    return;
  }
  if (value.is_string())
    if (auto parsed = parse_duration(value.as_string())) {
      out = *parsed;
      return;
    }
  wrong_shape(name, value, "a duration");
}

void read_value(const Value& value, const std::string& name, std::vector<std::string>& out) {
  if (!value.is_list()) wrong_shape(name, value, "a list");
  out.clear();
  for (const Value& item : value.as_list()) {
    if (!is_scalar(item)) wrong_shape(name, value, "a list of strings");
    out.push_back(item.to_text());
  }
}

void read_value(const Value& value, const std::string& name, std::vector<int64_t>& out) {
  if (!value.is_list()) wrong_shape(name, value, "a list");
  out.clear();
  for (const Value& item : value.as_list()) {
    if (!item.is_int()) wrong_shape(name, value, "a list of integers");
    out.push_back(item.as_int());
  }
}

void read_value(const Value& value, const std::string& name, std::map<std::string, std::string>& out) {
  if (!value.is_map()) wrong_shape(name, value, "a map");
  out.clear();
  for (const auto& [key, item] : value.as_map()) {
    if (item.is_list() || item.is_map()) wrong_shape(name, value, "a map of strings");
    out[key] = item.is_null() ? "" : item.to_text();
  }
}

void read_value(const Value& value, const std::string& name, Dsn& out) {
  std::string error;
  std::optional<Dsn> dsn = is_scalar(value) ? parse_dsn(value.to_text(), &error) : std::nullopt;
  if (!dsn) throw StepFailure(StepFailure::Kind::Failed, "field '" + name + "' is not a valid DSN");
  out = *dsn;
}

}  // namespace planrun
