#include "interpreter/compiler/value_binder.h"

#include <algorithm>
#include <charconv>

#include "interpreter/diagnostics/did_you_mean.h"

namespace planrun {

using Kind = TypeSpec::Kind;


static bool is_scalar_kind(Kind kind) {
  return kind != Kind::List && kind != Kind::Map && kind != Kind::Object && kind != Kind::OneOf;
}

// The type of a List's items or a Map's values: any when the type does not say.
static const TypeSpec& element_type(const TypeSpec& type) {
  static const TypeSpec any = types::any();
  return type.element.empty() ? any : type.element.front();
}

// The alternative of a OneOf that fits the shape of what was written, if any.
static const TypeSpec* alternative_for(const ast::Node& node, const TypeSpec& one_of) {
  for (const TypeSpec& alternative : one_of.alternatives) {
    bool fits = (node.is_scalar() && is_scalar_kind(alternative.kind)) ||
                (node.is_sequence() && alternative.kind == Kind::List) ||
                (node.is_mapping() && (alternative.kind == Kind::Map || alternative.kind == Kind::Object)) ||
                alternative.kind == Kind::Any;
    if (fits) return &alternative;
  }
  return nullptr;
}

std::optional<BoundValue> ValueBinder::bind(const ast::Node& node, const TypeSpec& type, const std::string& what,
                                            std::set<std::string>& steps_used) {
  if (type.kind == Kind::OneOf) {
    const TypeSpec* alternative = alternative_for(node, type);
    if (!alternative) return mismatch(node, type, what);
    return bind(node, *alternative, what, steps_used);
  }
  switch (node.kind) {
    case ast::Node::Kind::Null: {
      BoundValue bound;
      bound.location = node.location;
      return bound;
    }
    case ast::Node::Kind::Scalar: return bind_scalar(node, type, what, steps_used);
    case ast::Node::Kind::Sequence: return bind_sequence(node, type, what, steps_used);
    case ast::Node::Kind::Mapping: return bind_mapping(node, type, what, steps_used);
  }
  return std::nullopt;
}

std::optional<BoundValue> ValueBinder::bind_scalar(const ast::Node& node, const TypeSpec& type,
                                                   const std::string& what, std::set<std::string>& steps_used) {
  BoundValue bound;
  bound.location = node.location;
  if (node.scalar.find("${") != std::string::npos) {
    auto tmpl = checker_.parse(node);
    if (!tmpl) return std::nullopt;
    checker_.check(*tmpl, node, steps_used);
    if (!tmpl->is_literal()) {
      // A template's type is known only once it is evaluated; a list or map can only come
      // from a single expression.
      if (!is_scalar_kind(type.kind) && type.kind != Kind::Any && !tmpl->is_single_expression())
        return mismatch(node, type, what);
      bound.kind = BoundValue::Kind::Template;
      bound.tmpl = tmpl;
      bound.text = node.scalar;
      bound.type = &type;
      return bound;
    }
    // Only `$${` escapes: the literal is the text with them undone.
    std::string text;
    for (const expr::Template::Part& part : tmpl->parts) text += part.text;
    bound.literal = Value(text);
    return bound;
  }
  if (!is_scalar_kind(type.kind) && type.kind != Kind::Any) return mismatch(node, type, what);
  // Text fields take the text as written: a version like 1.10 must not pass through a number.
  bool textual = type.kind == Kind::String || type.kind == Kind::Path || type.kind == Kind::Database ||
                 type.kind == Kind::Secret || type.kind == Kind::Duration;
  std::string error;
  std::optional<Value> value = conform(textual ? Value(node.scalar) : scalar_value(node), type, &error);
  if (!value) {
    diagnostics_.error(node.location, "'" + what + "': " + error);
    return std::nullopt;
  }
  bound.literal = std::move(*value);
  return bound;
}

std::optional<BoundValue> ValueBinder::bind_sequence(const ast::Node& node, const TypeSpec& type,
                                                     const std::string& what, std::set<std::string>& steps_used) {
  if (type.kind != Kind::List && type.kind != Kind::Any) return mismatch(node, type, what);
  const TypeSpec& element = element_type(type);
  BoundValue bound;
  bound.kind = BoundValue::Kind::List;
  bound.location = node.location;
  bool ok = true;
  bound.items.reserve(node.items.size());
  for (size_t i = 0; i < node.items.size(); ++i) {
    auto item = bind(node.items[i], element, what + "[" + std::to_string(i) + "]", steps_used);
    if (item) bound.items.push_back(std::move(*item));
    ok = ok && item.has_value();
  }
  if (!ok) return std::nullopt;
  return bound;
}

std::optional<BoundValue> ValueBinder::bind_mapping(const ast::Node& node, const TypeSpec& type,
                                                    const std::string& what, std::set<std::string>& steps_used) {
  BoundValue bound;
  bound.kind = BoundValue::Kind::Map;
  bound.location = node.location;
  if (type.kind == Kind::Object) {
    bound.entries = bind_fields(node, type, what, steps_used);
    return bound;
  }
  if (type.kind != Kind::Map && type.kind != Kind::Any) return mismatch(node, type, what);
  const TypeSpec& element = element_type(type);
  for (const auto& [key, value] : node.entries) {
    auto item = bind(value, element, what + "." + key.scalar, steps_used);
    if (item) bound.entries.emplace(key.scalar, std::move(*item));
  }
  return bound;
}

static std::vector<std::string> field_names(const TypeSpec& object) {
  std::vector<std::string> names;
  for (const FieldSpec& field : object.fields) names.push_back(field.name);
  return names;
}

static const FieldSpec* find_field(const TypeSpec& object, const std::string& name) {
  for (const FieldSpec& field : object.fields)
    if (field.name == name) return &field;
  return nullptr;
}

std::map<std::string, BoundValue> ValueBinder::bind_fields(const ast::Node& mapping, const TypeSpec& object,
                                                           const std::string& what,
                                                           std::set<std::string>& steps_used) {
  std::map<std::string, BoundValue> fields;
  std::string prefix = what.empty() ? "" : what + ".";
  for (const auto& [key, value] : mapping.entries) {
    const FieldSpec* field = find_field(object, key.scalar);
    if (!field) {
      diagnostics_.error(key.location, "unknown field '" + prefix + key.scalar + "'" +
                                           did_you_mean(key.scalar, field_names(object)));
      continue;
    }
    auto bound = bind(value, field->type, prefix + key.scalar, steps_used);
    if (bound && !(bound->kind == BoundValue::Kind::Literal && bound->literal.is_null()))
      fields.emplace(key.scalar, std::move(*bound));
  }
  for (const FieldSpec& field : object.fields) {
    if (fields.count(field.name) || mapping.find(field.name)) continue;
    if (field.required) {
      diagnostics_.error(mapping.location, "missing required field '" + prefix + field.name + "' (" +
                                               field.type.describe() + ")");
    } else if (field.default_value) {
      BoundValue bound;
      bound.location = mapping.location;
      bound.literal = *field.default_value;
      fields.emplace(field.name, std::move(bound));
    }
  }
  check_exactly_one_of(mapping, object, what);
  return fields;
}

void ValueBinder::check_exactly_one_of(const ast::Node& mapping, const TypeSpec& object, const std::string& what) {
  for (const std::vector<std::string>& group : object.exactly_one_of) {
    std::vector<std::string> present;
    for (const std::string& name : group)
      if (mapping.find(name)) present.push_back(name);
    if (present.size() == 1) continue;
    std::string names;
    for (const std::string& name : group) names += (names.empty() ? "'" : ", '") + name + "'";
    std::string where = what.empty() ? "" : "'" + what + "': ";
    diagnostics_.error(mapping.location, where + (present.empty() ? "needs one of " : "takes only one of ") + names);
  }
}

std::nullopt_t ValueBinder::mismatch(const ast::Node& node, const TypeSpec& type, const std::string& what) {
  std::string found = node.is_scalar() ? "'" + node.scalar + "'" : describe_kind(node);
  diagnostics_.error(node.location, "'" + what + "': expected " + type.describe() + ", got " + found);
  return std::nullopt;
}

}  // namespace planrun
