#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interpreter/diagnostics/source_location.h"

namespace planrun::ast {

// One value of a plan document as written, before any meaning is given to it: what both
// front ends (YAML and .plan) produce. Every node knows where it starts in its file.
struct Node {
  enum class Kind { Null, Scalar, Sequence, Mapping };

  Kind kind = Kind::Null;
  SourceLocation location;
  // Scalar: the text as the author wrote it (after unquoting).
  std::string scalar;
  // Scalar: it was quoted, so it is a string even if it reads like 42 or true.
  bool quoted = false;
  // Scalar: columns between `location` and the first character of `scalar` (1 for "x"), or -1
  // when the text does not map column-for-column onto the file (escapes, folded lines).
  int content_offset = 0;
  std::vector<Node> items;                     // Sequence
  std::vector<std::pair<Node, Node>> entries;  // Mapping, in file order: key, value

  bool is_null() const { return kind == Kind::Null; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_mapping() const { return kind == Kind::Mapping; }

  // The value under `key` of a mapping, or nullptr.
  const Node* find(std::string_view key) const;
  // Where the character at `offset` of the scalar text lies in the file; the node start when
  // the text does not map onto the file.
  SourceLocation location_of(size_t offset) const;
};

// "a scalar", "a list", "a map", "null": how a node's shape is named in messages.
std::string describe_kind(const Node& node);

}  // namespace planrun::ast
