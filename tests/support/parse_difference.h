#pragma once

// How two parses of one YAML text differ: the first node, field or diagnostic that is not the
// same, named by its path ("$.steps[12].with.command[0]: the scalar is ... but ..."), for tests
// that parse a text two ways and expect the same result.
#include <algorithm>
#include <optional>
#include <sstream>
#include <string>

#include "interpreter/ast/node.h"
#include "interpreter/diagnostics/diagnostic.h"

namespace planrun::testing {

struct Parse {
  std::optional<ast::Node> tree;
  Diagnostics diagnostics;
};

inline std::string at(const SourceLocation& location) {
  return location.file.str() + ":" + std::to_string(location.line) + ":" + std::to_string(location.column);
}

inline std::string kind_name(ast::Node::Kind kind) {
  switch (kind) {
    case ast::Node::Kind::Null: return "null";
    case ast::Node::Kind::Scalar: return "scalar";
    case ast::Node::Kind::Sequence: return "sequence";
    case ast::Node::Kind::Mapping: return "mapping";
  }
  return "?";
}

template <typename T>
std::string mismatch(const std::string& path, const std::string& field, const T& whole, const T& cut) {
  std::ostringstream out;
  out << path << ": " << field << " is " << whole << " when parsed whole, but " << cut << " in parts";
  return out.str();
}

inline std::string quoted(const std::string& text) { return "\"" + text + "\""; }

// How one node differs from another, not looking into their children; empty when alike.
inline std::string own_difference(const ast::Node& whole, const ast::Node& cut, const std::string& path) {
  if (whole.kind != cut.kind) return mismatch(path, "the kind", kind_name(whole.kind), kind_name(cut.kind));
  if (whole.location != cut.location) return mismatch(path, "the location", at(whole.location), at(cut.location));
  if (whole.scalar != cut.scalar) return mismatch(path, "the scalar", quoted(whole.scalar), quoted(cut.scalar));
  if (whole.quoted != cut.quoted) return mismatch(path, "quoted", whole.quoted, cut.quoted);
  if (whole.content_offset != cut.content_offset)
    return mismatch(path, "the content offset", whole.content_offset, cut.content_offset);
  if (whole.items.size() != cut.items.size())
    return mismatch(path, "the item count", whole.items.size(), cut.items.size());
  if (whole.entries.size() != cut.entries.size())
    return mismatch(path, "the entry count", whole.entries.size(), cut.entries.size());
  return "";
}

// Where two trees first differ, as "$.steps[12].with.command[0]: what differs"; empty when they
// are the same in every node.
inline std::string first_difference(const ast::Node& whole, const ast::Node& cut, const std::string& path = "$") {
  if (std::string own = own_difference(whole, cut, path); !own.empty()) return own;
  for (size_t i = 0; i < whole.items.size(); ++i)
    if (std::string d = first_difference(whole.items[i], cut.items[i], path + "[" + std::to_string(i) + "]");
        !d.empty())
      return d;
  for (size_t i = 0; i < whole.entries.size(); ++i) {
    const auto& [key, value] = whole.entries[i];
    std::string entry = path + "." + (key.is_scalar() ? key.scalar : "<entry " + std::to_string(i) + ">");
    if (std::string d = first_difference(key, cut.entries[i].first, entry + " (key)"); !d.empty()) return d;
    if (std::string d = first_difference(value, cut.entries[i].second, entry); !d.empty()) return d;
  }
  return "";
}

inline std::string describe(const Diagnostic& diagnostic) {
  return at(diagnostic.location) + ": " + (diagnostic.severity == Severity::Error ? "error" : "warning") + ": " +
         diagnostic.message;
}

inline std::string first_difference(const Diagnostics& whole, const Diagnostics& cut) {
  const std::vector<Diagnostic>& a = whole.all();
  const std::vector<Diagnostic>& b = cut.all();
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    std::string in_whole = i < a.size() ? quoted(describe(a[i])) : "missing";
    std::string in_parts = i < b.size() ? quoted(describe(b[i])) : "missing";
    if (in_whole != in_parts) return mismatch("diagnostic #" + std::to_string(i), "", in_whole, in_parts);
  }
  return "";
}

inline std::string first_difference(const Parse& whole, const Parse& cut) {
  if (whole.tree.has_value() != cut.tree.has_value())
    return mismatch("$", "a tree", whole.tree.has_value() ? "given" : "missing",
                    cut.tree.has_value() ? "given" : "missing");
  if (whole.tree)
    if (std::string d = first_difference(*whole.tree, *cut.tree); !d.empty()) return d;
  return first_difference(whole.diagnostics, cut.diagnostics);
}

}  // namespace planrun::testing
