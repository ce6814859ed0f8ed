#pragma once

#include <optional>
#include <string>

#include "interpreter/step_kit/field_value.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/values/type_spec.h"

namespace planrun {

// Shorthands for a field's declaration, one line per field: required, optional (absent means
// not given), or with a default. StepField is made with these; schemas of types that have no
// action yet use them directly.
inline FieldSpec required_field(std::string name, TypeSpec type, std::string doc) {
  return FieldSpec{std::move(name), std::move(type), true, std::nullopt, std::move(doc)};
}
inline FieldSpec optional_field(std::string name, TypeSpec type, std::string doc) {
  return FieldSpec{std::move(name), std::move(type), false, std::nullopt, std::move(doc)};
}
inline FieldSpec default_field(std::string name, TypeSpec type, Value default_value, std::string doc) {
  return FieldSpec{std::move(name), std::move(type), false, std::move(default_value), std::move(doc)};
}

// One field of a step type's `with:`, declared once beside the step's action: the schema is
// built from its FieldSpec, and the action reads the value typed through it, so a field's name
// and default are written in one place. T is the C++ type the action reads (see field_value.h).
template <class T>
class StepField {
 public:
  static StepField required(std::string name, TypeSpec type, std::string doc) {
    return StepField(required_field(std::move(name), std::move(type), std::move(doc)));
  }
  static StepField optional(std::string name, TypeSpec type, std::string doc) {
    return StepField(optional_field(std::move(name), std::move(type), std::move(doc)));
  }
  static StepField with_default(std::string name, TypeSpec type, Value default_value, std::string doc) {
    return StepField(default_field(std::move(name), std::move(type), std::move(default_value), std::move(doc)));
  }
  // Builder: not part of the fingerprint (FieldSpec::tuning).
  StepField as_tuning() && {
    spec_.tuning = true;
    return std::move(*this);
  }

  // Builder: the content of the file(s) it names is fingerprinted (FieldSpec::content_in_fingerprint).
  StepField with_content_in_fingerprint() && {
    spec_.content_in_fingerprint = true;
    return std::move(*this);
  }

  const FieldSpec& spec() const { return spec_; }
  const std::string& name() const { return spec_.name; }

  // The given value, else the default; nullopt when there is neither (or the value is null).
  std::optional<T> find(const Value::Map& fields) const {
    auto given = fields.find(spec_.name);
    if (given != fields.end() && !given->second.is_null()) return value_as<T>(given->second, spec_.name);
    if (spec_.default_value) return value_as<T>(*spec_.default_value, spec_.name);
    return std::nullopt;
  }
  // The given value or the default; fails the step when there is neither.
  T read(const Value::Map& fields) const {
    if (std::optional<T> value = find(fields)) return *std::move(value);
    throw StepFailure(StepFailure::Kind::Failed, "field '" + spec_.name + "' is required");
  }
  bool given(const Value::Map& fields) const {
    auto found = fields.find(spec_.name);
    return found != fields.end() && !found->second.is_null();
  }

 private:
  explicit StepField(FieldSpec spec) : spec_(std::move(spec)) {}
  FieldSpec spec_;
};

}  // namespace planrun
