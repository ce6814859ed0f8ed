#include "interpreter/compiler/node_reader.h"

#include <algorithm>
#include <cctype>

#include "interpreter/compiler/value_binder.h"
#include "interpreter/diagnostics/did_you_mean.h"

namespace planrun {

void NodeReader::reject_unknown_keys(const ast::Node& mapping, const std::vector<std::string>& known,
                                     const std::string& what) {
  for (const auto& [key, value] : mapping.entries) {
    if (std::find(known.begin(), known.end(), key.scalar) != known.end()) continue;
    diagnostics_.error(key.location, "unknown " + what + " '" + key.scalar + "'" + did_you_mean(key.scalar, known));
  }
}

bool NodeReader::expect_mapping(const ast::Node& node, const std::string& what) {
  if (node.is_mapping()) return true;
  diagnostics_.error(node.location, what + " must be a map, not " + describe_kind(node));
  return false;
}

bool NodeReader::expect_sequence(const ast::Node& node, const std::string& what) {
  if (node.is_sequence()) return true;
  diagnostics_.error(node.location, what + " must be a list, not " + describe_kind(node));
  return false;
}

std::optional<std::string> NodeReader::string(const ast::Node& node, const std::string& what) {
  if (node.is_scalar()) return node.scalar;
  diagnostics_.error(node.location, what + " must be a string, not " + describe_kind(node));
  return std::nullopt;
}

std::optional<int64_t> NodeReader::integer(const ast::Node& node, const std::string& what) {
  Value value = node.is_scalar() ? scalar_value(node) : Value();
  if (value.is_int()) return value.as_int();
  std::string found = node.is_scalar() ? "'" + node.scalar + "'" : describe_kind(node);
  diagnostics_.error(node.location, what + " must be an integer, not " + found);
  return std::nullopt;
}

std::optional<bool> NodeReader::boolean(const ast::Node& node, const std::string& what) {
  Value value = node.is_scalar() ? scalar_value(node) : Value();
  if (value.is_bool()) return value.as_bool();
  std::string found = node.is_scalar() ? "'" + node.scalar + "'" : describe_kind(node);
  diagnostics_.error(node.location, what + " must be true or false, not " + found);
  return std::nullopt;
}

bool NodeReader::valid_identifier(const ast::Node& node, const std::string& what) {
  const std::string& text = node.scalar;
  auto is_first = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
  auto is_rest = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; };
  bool ok = node.is_scalar() && !text.empty() && is_first(text.front()) &&
            std::all_of(text.begin(), text.end(), is_rest);
  if (!ok)
    diagnostics_.error(node.location, what + " '" + text +
                                          "' is not a valid name: use letters, digits, '_' and '-', "
                                          "starting with a letter or '_'");
  return ok;
}

}  // namespace planrun
