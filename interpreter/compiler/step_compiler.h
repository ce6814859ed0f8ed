#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "interpreter/ast/node.h"
#include "interpreter/compiler/node_reader.h"
#include "interpreter/compiler/value_binder.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// A step as written, bound against its type's schema but with its dependencies still named:
// the dependency resolver turns names into graph edges once every step is known.
struct StepDraft {
  StepNode node;
  std::vector<std::pair<std::string, SourceLocation>> needs;  // explicit, as written
  std::set<std::string> reads_outputs_of;                     // implicit, from ${steps.X.outputs.Y}
  size_t position = 0;  // the entry's index in the plan's `steps`, which keeps file order for ties
};

// The id and type of a step, read before any step is bound so that expressions can name steps.
struct StepHeader {
  const ast::Node* node = nullptr;
  std::string id;
  std::string type;
  bool known_type = false;  // false: reported already, the step is not bound
  size_t position = 0;      // index in the plan's `steps`
};

// Reads ids and types of all steps, reporting malformed and duplicate ids and unknown types.
// Entries that `use` another plan are left to the used-plan linker (used_plan_linker.h).
std::vector<StepHeader> read_step_headers(const ast::Node& steps, Diagnostics& diagnostics);

// Binds one step: its `with` fields against the schema, `needs`, `when`, `retry`, `timeout`,
// `continue_on_error`. Returns nothing for a step of unknown type.
std::optional<StepDraft> compile_step(const StepHeader& header, NodeReader& reader, ValueBinder& binder,
                                      Diagnostics& diagnostics);

}  // namespace planrun
