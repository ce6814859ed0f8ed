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

// An SQLite or embedded H2 DSN names a file: `sqlite:staging.db` is the one in the working
// directory, and so is `jdbc:h2:./repository/database/WSO2CARBON_DB` (H2 options after `;` stay).
Value absolute_file_dsn(const Value& value) {
  if (!value.is_string() || value.secret()) return value;
  const std::string& text = value.as_string();
  for (const std::string scheme : {"sqlite:", "jdbc:h2:file:", "jdbc:h2:", "h2:file:", "h2:"}) {
    if (!text.starts_with(scheme)) continue;
    bool h2 = scheme.find("h2") != std::string::npos;
    size_t end = h2 ? std::min(text.find(';'), text.size()) : text.size();
    std::string path = text.substr(scheme.size(), end - scheme.size());
    if (h2 && path.find(':') != std::string::npos) return value;  // mem:, tcp: ... (refused later)
    return Value(scheme + absolute_path(Value(path)).as_string() + text.substr(end));
  }
  return value;
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
    case TypeSpec::Kind::Database: return absolute_file_dsn(value);
    case TypeSpec::Kind::List:
      if (!value.is_list() || type.element.empty()) return value;
      return Value(absolute_items(value.as_list(), type.element.front()));
    case TypeSpec::Kind::Map:
    case TypeSpec::Kind::Object:
      return value.is_map() ? Value(absolute_entries(value.as_map(), type)) : value;
    case TypeSpec::Kind::OneOf:
      // The first alternative of the value's shape: `script: a.sql` or `script: [a.sql, b.sql]`.
      for (const TypeSpec& alternative : type.alternatives)
        if ((alternative.kind == TypeSpec::Kind::List) == value.is_list() &&
            (alternative.kind == TypeSpec::Kind::Map || alternative.kind == TypeSpec::Kind::Object) == value.is_map())
          return with_absolute_paths(value, alternative);
      return value;
    default: return value;
  }
}

}  // namespace planrun
