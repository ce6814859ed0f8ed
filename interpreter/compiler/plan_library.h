#pragma once

#include <string>

#include "interpreter/diagnostics/diagnostic.h"
#include "interpreter/graph/action_graph.h"

namespace planrun {

// Where the plans a plan `use`s come from: the loader finds, reads and compiles them (the
// compiler reads no files). A used plan is compiled once however often it is used.
class PlanLibrary {
 public:
  virtual ~PlanLibrary() = default;
  // The compiled plan `name` names, used at `where` under the id `as`; nullptr when it cannot be
  // used (not found, a cycle of uses, errors inside it), which is reported already.
  virtual const ActionGraph* use(const std::string& name, const std::string& as, const SourceLocation& where,
                                 Diagnostics& diagnostics) = 0;
};

}  // namespace planrun
