#include "interpreter/render/step_explainer.h"

#include <algorithm>

#include "interpreter/diagnostics/did_you_mean.h"

namespace planrun {

using Effect = StepSchema::Effect;

std::string effect_name(Effect effect) {
  switch (effect) {
    case Effect::Check: return "check";
    case Effect::Backup: return "backup";
    case Effect::Write: return "write";
    case Effect::Create: return "create";
    case Effect::External: return "external";
  }
  return "?";
}

namespace {

// What each effect means for the person about to run the step.
std::string effect_meaning(Effect effect) {
  switch (effect) {
    case Effect::Check: return "reads only";
    case Effect::Backup: return "saves data so that later writes can be undone by hand";
    case Effect::Write: return "changes data that may be precious: a backup must come before it";
    case Effect::Create: return "makes new things, such as a new home and its configuration";
    case Effect::External: return "does something planrun cannot see into";
  }
  return "";
}

// One line of the fields table. A line without a type is a note about the object above it
// ("exactly one of: ..."), printed at the field indentation without columns.
struct Row {
  size_t depth = 0;
  std::string name;
  std::string type;
  std::string need;
  std::string doc;
};

// The object whose fields a field's value holds: itself, a list's or map's elements, or the
// first alternative that has one (update-config's `properties` as a list of set/value).
const TypeSpec* nested_object(const TypeSpec& type) {
  if (type.kind == TypeSpec::Kind::Object) return &type;
  for (const TypeSpec& element : type.element)
    if (const TypeSpec* object = nested_object(element)) return object;
  for (const TypeSpec& alternative : type.alternatives)
    if (const TypeSpec* object = nested_object(alternative)) return object;
  return nullptr;
}

// Tuning fields say so: an author can change them without making a done step run again.
std::string need_of(const FieldSpec& field) {
  std::string tuning = field.tuning ? ", tuning" : "";
  if (field.required) return "required" + tuning;
  if (field.default_value) return "default " + field.default_value->display() + tuning;
  return "optional" + tuning;
}

std::string joined(const std::vector<std::string>& names, const std::string& separator) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : separator) + name;
  return out;
}

void add_rows(const TypeSpec& object, size_t depth, std::vector<Row>& rows) {
  for (const FieldSpec& field : object.fields) {
    rows.push_back({depth, field.name, field.type.describe(), need_of(field), field.doc});
    if (const TypeSpec* nested = nested_object(field.type)) add_rows(*nested, depth + 1, rows);
  }
  for (const std::vector<std::string>& group : object.exactly_one_of)
    rows.push_back({depth, "exactly one of: " + joined(group, ", "), "", "", ""});
}

std::string padded(const std::string& text, size_t width) {
  return text + std::string(width > text.size() ? width - text.size() : 0, ' ');
}

std::string without_trailing_blanks(std::string line) {
  line.erase(line.find_last_not_of(' ') + 1);
  return line;
}

std::string fields_table(const TypeSpec& with) {
  std::vector<Row> rows;
  add_rows(with, 0, rows);
  size_t name_width = 0, type_width = 0, need_width = 0;
  for (const Row& row : rows) {
    if (row.type.empty()) continue;
    name_width = std::max(name_width, 2 * row.depth + row.name.size());
    type_width = std::max(type_width, row.type.size());
    need_width = std::max(need_width, row.need.size());
  }
  std::string out;
  for (const Row& row : rows) {
    std::string indent(2 + 2 * row.depth, ' ');
    if (row.type.empty()) {
      out += indent + row.name + "\n";
      continue;
    }
    out += without_trailing_blanks(indent + padded(row.name, name_width - 2 * row.depth) + "  " +
                                   padded(row.type, type_width) + "  " + padded(row.need, need_width) + "  " +
                                   row.doc) +
           "\n";
  }
  return out;
}

bool has_tuning_field(const TypeSpec& with) {
  return std::any_of(with.fields.begin(), with.fields.end(), [](const FieldSpec& field) { return field.tuning; });
}

std::string outputs_text(const StepSchema& schema) {
  if (schema.outputs.empty()) return "outputs: none\n";
  return "outputs: " + joined(schema.outputs, ", ") + "  (use as ${steps.ID.outputs.NAME})\n";
}

}  // namespace

std::string StepExplainer::overview() const {
  size_t type_width = 0, effect_width = 0;
  for (const StepSchema& schema : schemas_) {
    type_width = std::max(type_width, schema.type.size());
    effect_width = std::max(effect_width, effect_name(schema.effect).size());
  }
  std::string out = "Step types (`planrun explain TYPE` shows the fields of one):\n\n";
  for (const StepSchema& schema : schemas_)
    out += "  " + padded(schema.type, type_width) + "  " + padded(effect_name(schema.effect), effect_width) + "  " +
           schema.summary + "\n";
  return out;
}

std::optional<std::string> StepExplainer::explain(std::string_view type, std::string* error) const {
  auto found = std::find_if(schemas_.begin(), schemas_.end(), [&](const StepSchema& s) { return s.type == type; });
  if (found == schemas_.end()) {
    std::vector<std::string> names;
    for (const StepSchema& schema : schemas_) names.push_back(schema.type);
    if (error) *error = "unknown step type '" + std::string(type) + "'" + did_you_mean(type, names);
    return std::nullopt;
  }
  const StepSchema& schema = *found;
  std::string out = schema.type + ": " + schema.summary + "\n";
  out += "effect: " + effect_name(schema.effect) + " (" + effect_meaning(schema.effect) + ")\n\n";
  out += schema.with.fields.empty() ? "fields (with:): none\n" : "fields (with:):\n" + fields_table(schema.with);
  if (has_tuning_field(schema.with)) out += "(tuning: not part of the fingerprint; changing it never makes a done step run again)\n";
  out += "\n" + outputs_text(schema);
  return out;
}

}  // namespace planrun
