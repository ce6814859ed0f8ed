#include "interpreter/ast/node_value.h"

#include <charconv>
#include <optional>
#include <string>

namespace planrun {

static std::optional<int64_t> parse_int(const std::string& text) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data() + (text.starts_with('+') ? 1 : 0), end, value);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return value;
}

static std::optional<double> parse_number(const std::string& text) {
  bool looks_numeric = !text.empty() && text.find_first_not_of("0123456789.eE+-") == std::string::npos &&
                       text.find_first_of("0123456789") != std::string::npos;
  if (!looks_numeric) return std::nullopt;
  try {
    size_t used = 0;
    double value = std::stod(text, &used);
    if (used == text.size()) return value;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

Value scalar_value(const ast::Node& scalar) {
  const std::string& text = scalar.scalar;
  if (scalar.quoted) return Value(text);
  if (text == "true" || text == "True" || text == "TRUE") return Value(true);
  if (text == "false" || text == "False" || text == "FALSE") return Value(false);
  if (auto i = parse_int(text)) return Value(*i);
  if (auto d = parse_number(text)) return Value(*d);
  return Value(text);
}

Value node_value(const ast::Node& node) {
  switch (node.kind) {
    case ast::Node::Kind::Null: return Value();
    case ast::Node::Kind::Scalar: return scalar_value(node);
    case ast::Node::Kind::Sequence: {
      Value::List items;
      for (const ast::Node& item : node.items) items.push_back(node_value(item));
      return Value(std::move(items));
    }
    case ast::Node::Kind::Mapping: {
      Value::Map entries;
      for (const auto& [key, value] : node.entries) entries[key.scalar] = node_value(value);
      return Value(std::move(entries));
    }
  }
  return Value();
}

}  // namespace planrun
