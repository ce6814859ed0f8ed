#include "interpreter/ast/same_document.h"

#include "interpreter/ast/node_value.h"

namespace planrun::ast {

namespace {

// Quoting matters only where the plain text would be read as something other than a string.
bool reads_as_string(const Node& scalar) { return scalar.quoted || scalar_value(scalar).is_string(); }

}  // namespace

bool same_document(const Node& a, const Node& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Node::Kind::Null: return true;
    case Node::Kind::Scalar: return a.scalar == b.scalar && reads_as_string(a) == reads_as_string(b);
    case Node::Kind::Sequence:
      if (a.items.size() != b.items.size()) return false;
      for (size_t i = 0; i < a.items.size(); ++i)
        if (!same_document(a.items[i], b.items[i])) return false;
      return true;
    case Node::Kind::Mapping:
      if (a.entries.size() != b.entries.size()) return false;
      for (const auto& [key, value] : a.entries) {
        const Node* other = b.find(key.scalar);
        if (!other || !same_document(value, *other)) return false;
      }
      return true;
  }
  return false;
}

}  // namespace planrun::ast
