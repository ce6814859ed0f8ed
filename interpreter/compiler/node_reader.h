#pragma once

#include <optional>
#include <string>
#include <vector>

#include "interpreter/ast/node.h"
#include "interpreter/diagnostics/diagnostic.h"

namespace planrun {

// Small readers for the fixed parts of a plan (top level, params, step headers): each reports
// a mistake at the node and returns nothing, so that the caller can go on to the next part.
class NodeReader {
 public:
  explicit NodeReader(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Reports keys of `mapping` that are not in `known`, with did-you-mean.
  void reject_unknown_keys(const ast::Node& mapping, const std::vector<std::string>& known, const std::string& what);
  bool expect_mapping(const ast::Node& node, const std::string& what);
  bool expect_sequence(const ast::Node& node, const std::string& what);
  std::optional<std::string> string(const ast::Node& node, const std::string& what);
  std::optional<int64_t> integer(const ast::Node& node, const std::string& what);
  std::optional<bool> boolean(const ast::Node& node, const std::string& what);
  // A name usable in expressions: a letter or _ first, then letters, digits, _ and -.
  bool valid_identifier(const ast::Node& node, const std::string& what);

 private:
  Diagnostics& diagnostics_;
};

}  // namespace planrun
