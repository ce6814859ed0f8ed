#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/ast/node.h"
#include "interpreter/compiler/plan_library.h"

namespace planrun {

// The plan library of one load: finds the plans a plan `use`s (plan_search_path.h), reads them
// with their includes, and compiles each file once, whatever number of times it is used.
// Diagnostics inside a used plan point into its own file and say where it was used from; a
// plan that uses itself, directly or through others, is an error naming the chain.
class UsedPlans final : public PlanLibrary {
 public:
  explicit UsedPlans(SourceFiles& sources) : sources_(sources) {}

  // Reads (includes expanded) and compiles the plan at `path`, the top of the chain of uses.
  // `keep` receives the document, for a caller that would rather not free it.
  std::optional<ActionGraph> compile(const std::string& path, Diagnostics& diagnostics,
                                     std::optional<ast::Node>* keep = nullptr);

  const ActionGraph* use(const std::string& name, const std::string& as, const SourceLocation& where,
                         Diagnostics& diagnostics) override;

 private:
  std::optional<std::string> cycle_through(const std::string& canonical, const std::string& shown) const;

  SourceFiles& sources_;
  std::vector<std::string> stack_;  // canonical paths of the plans being compiled, outermost first
  std::vector<std::string> shown_;  // the same, as named
  std::map<std::string, std::optional<ActionGraph>> compiled_;  // canonical path -> graph (nullopt: errors)
};

}  // namespace planrun
