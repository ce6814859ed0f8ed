#include "interpreter/ast/node.h"

namespace planrun::ast {

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k.scalar == key) return &v;
  return nullptr;
}

SourceLocation Node::location_of(size_t offset) const {
  if (content_offset < 0) return location;
  return location.shifted(content_offset + static_cast<int>(offset));
}

std::string describe_kind(const Node& node) {
  switch (node.kind) {
    case Node::Kind::Null: return "null";
    case Node::Kind::Scalar: return "a scalar";
    case Node::Kind::Sequence: return "a list";
    case Node::Kind::Mapping: return "a map";
  }
  return "?";
}

}  // namespace planrun::ast
