#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "interpreter/ast/node.h"
#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/graph/action_graph.h"
#include "interpreter/values/value.h"

namespace planrun {

// Where parameter values come from besides the plan's defaults, in decreasing precedence:
// `--set name=value`, then `--vars FILE`, then each parameter's `env:` variable.
struct ParamInputs {
  std::vector<std::string> sets;  // "name=value" as given
  std::string vars_file;          // empty: none
};

using ParamValues = std::map<std::string, Value>;

// Reads the documents parameter values come in: a vars file, and the YAML flow text of a list
// or map given with --set. The loader hands the front ends (loader/plan_loader.h), so that
// evaluation depends on none of them.
class DocumentReader {
 public:
  virtual ~DocumentReader() = default;
  // A document file; an unreadable or malformed file is a diagnostic and nullopt.
  virtual std::optional<ast::Node> read_file(const std::string& path, SourceFiles& sources,
                                             Diagnostics& diagnostics) const = 0;
  // Flow text such as `[9443, 9763]` named `name` in diagnostics.
  virtual std::optional<ast::Node> parse_text(const std::string& name, const std::string& text,
                                              Diagnostics& diagnostics) const = 0;
};

// The value of every parameter, typed and checked. Secrets are read from their environment
// variable or file and marked secret. Reports unknown names, wrong types and missing values
// (naming the parameter and how to set it); nullopt when any is an error.
std::optional<ParamValues> resolve_params(const ActionGraph& graph, const ParamInputs& inputs,
                                          const DocumentReader& reader, SourceFiles& sources,
                                          Diagnostics& diagnostics);

}  // namespace planrun
