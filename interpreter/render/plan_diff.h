#pragma once

#include <string>
#include <vector>

#include "interpreter/graph/action_graph.h"

namespace planrun {

// What changed between two versions of a plan, by meaning rather than by line: params and
// steps added, removed and changed, steps renamed (same type, fields and needs under another
// id), fields and `needs` edges changed, and which steps a run would redo because of it
// (a changed definition reruns the step and everything after it; a renamed step has no record
// under its new id). Templates are compared as parsed, so spacing and quoting do not count,
// and a used plan's steps are compared with the arguments substituted into them.
struct PlanDiff {
  struct Change {
    char mark = '~';        // + added, - removed, ~ changed, > renamed
    std::string subject;    // a param name or a step id
    std::string detail;     // "path, default backups", "with.verify: true -> false", ...
  };
  std::vector<Change> params;
  std::vector<Change> steps;
  std::vector<std::string> redo;  // steps of the new plan a run would run again, in graph order

  bool empty() const { return params.empty() && steps.empty(); }
};

PlanDiff diff_plans(const ActionGraph& old_plan, const ActionGraph& new_plan);

// For a terminal, and as Markdown for a pull request comment. `old_name` and `new_name` label them.
std::string render_diff_text(const PlanDiff& diff, const std::string& old_name, const std::string& new_name);
std::string render_diff_markdown(const PlanDiff& diff, const std::string& old_name, const std::string& new_name);

}  // namespace planrun
