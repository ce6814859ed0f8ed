#include "interpreter/evaluation/absolute_paths.h"

#include <filesystem>

namespace planrun {

namespace fs = std::filesystem;

namespace {

// Read once: planrun never changes its working directory, and a step's `cwd` is the child's.
const fs::path& working_directory() {
  static const fs::path directory = fs::current_path();
  return directory;
}

Value absolute_path(const Value& value) {
  if (!value.is_string() || value.secret()) return value;
  fs::path path(value.as_string());
  if (path.empty() || path.is_absolute()) return value;
  return Value((working_directory() / path).lexically_normal().string());
}

// An SQLite DSN names a file: `sqlite:staging.db` is the one in the working directory.
Value absolute_sqlite_dsn(const Value& value) {
  static const std::string scheme = "sqlite:";
  if (!value.is_string() || value.secret() || !value.as_string().starts_with(scheme)) return value;
  Value path = absolute_path(Value(value.as_string().substr(scheme.size())));
  return Value(scheme + path.as_string());
}

Value::List absolute_items(const Value::List& items, const TypeSpec& element) {
  Value::List result;
  for (const Value& item : items) result.push_back(with_absolute_paths(item, element));
  return result;
}

Value::Map absolute_entries(const Value::Map& entries, const TypeSpec& type) {
  Value::Map result;
  for (const auto& [name, item] : entries) {
    const TypeSpec* entry_type = type.kind == TypeSpec::Kind::Map && !type.element.empty() ? &type.element.front() : nullptr;
    for (const FieldSpec& field : type.fields)
      if (field.name == name) entry_type = &field.type;
    result[name] = entry_type ? with_absolute_paths(item, *entry_type) : item;
  }
  return result;
}

}  // namespace

Value with_absolute_paths(const Value& value, const TypeSpec& type) {
  switch (type.kind) {
    case TypeSpec::Kind::Path: return absolute_path(value);
    case TypeSpec::Kind::Database: return absolute_sqlite_dsn(value);
    case TypeSpec::Kind::List:
      if (!value.is_list() || type.element.empty()) return value;
      return Value(absolute_items(value.as_list(), type.element.front()));
    case TypeSpec::Kind::Map:
    case TypeSpec::Kind::Object:
      return value.is_map() ? Value(absolute_entries(value.as_map(), type)) : value;
    default: return value;
  }
}

}  // namespace planrun
