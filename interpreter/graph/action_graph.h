#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/diagnostics/source_location.h"
#include "interpreter/expressions/expression.h"
#include "interpreter/values/type_spec.h"
#include "interpreter/values/value.h"

namespace planrun {

// A step input as compiled: a literal, a template evaluated when the step is about to run
// (it may need parameters or other steps' outputs), or a list or map of those.
struct BoundValue {
  enum class Kind { Literal, Template, List, Map };

  Kind kind = Kind::Literal;
  SourceLocation location;
  Value literal;                                // Literal
  std::shared_ptr<const expr::Template> tmpl;   // Template
  std::string text;                             // Template: the text as written
  const TypeSpec* type = nullptr;               // Template: what the value must conform to, in the
                                                // step catalogue, which lives as long as the process
  std::vector<BoundValue> items;                // List
  std::map<std::string, BoundValue> entries;    // Map
};

// A plan parameter: its declared type, default and doc; secrets say where their value lives.
struct ParamNode {
  std::string name;
  TypeSpec::Kind type = TypeSpec::Kind::String;
  std::optional<Value> default_value;
  // A default written as `${...}` over the params declared before it (`default:
  // "${carbon_database(old_home)}"`): worked out when the params are resolved, in their order.
  std::optional<BoundValue> default_template;
  std::string doc;
  std::string from_env;   // environment variable holding the value (any type; a secret's source)
  std::string from_file;  // file holding the value (secrets only)
  std::string password_param;       // database: the secret param holding its password (`password:`)
  SourceLocation password_location;  // where `password:` names it, for diagnostics
  SourceLocation location;
};

struct RetryPolicy {
  int attempts = 1;                        // total tries, 1 = no retry
  std::chrono::milliseconds delay{0};      // pause between tries
};

// One step of the graph: a typed, checked instance of a step type.
struct StepNode {
  std::string id;
  std::string type;
  std::string description;                 // optional, for people reading `planrun plan`
  int schema_version = 1;
  SourceLocation location;
  std::map<std::string, BoundValue> with;  // every field of the schema that is set or defaulted
  std::vector<size_t> needs;               // indices into ActionGraph::steps, explicit and implicit
  std::shared_ptr<const BoundValue> when;  // a template whose truth decides at run time (few
                                           // steps have one: kept out of line, steps stay small)
  RetryPolicy retry;
  std::optional<std::chrono::milliseconds> timeout;
  bool continue_on_error = false;
};

// The compiled plan: pure data, no I/O. Steps are in a topological order (each after
// everything it needs), ties kept in file order so that output is deterministic.
struct ActionGraph {
  int format_version = 1;
  std::string name;
  std::string description;
  std::string source_path;
  std::vector<ParamNode> params;
  std::vector<StepNode> steps;

  const StepNode* find_step(const std::string& id) const;
  const ParamNode* find_param(const std::string& name) const;
};

// Steps grouped into waves that could run in parallel: every step's needs lie in earlier waves.
std::vector<std::vector<size_t>> parallel_waves(const ActionGraph& graph);

}  // namespace planrun
