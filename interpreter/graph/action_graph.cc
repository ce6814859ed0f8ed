#include "interpreter/graph/action_graph.h"

#include <algorithm>

namespace planrun {

const StepNode* ActionGraph::find_step(const std::string& id) const {
  for (const StepNode& step : steps)
    if (step.id == id) return &step;
  return nullptr;
}

const ParamNode* ActionGraph::find_param(const std::string& name) const {
  for (const ParamNode& param : params)
    if (param.name == name) return &param;
  return nullptr;
}

std::vector<std::vector<size_t>> parallel_waves(const ActionGraph& graph) {
  // Steps are in topological order, so a step's wave is one past the latest wave it needs.
  std::vector<size_t> wave(graph.steps.size(), 0);
  std::vector<std::vector<size_t>> waves;
  for (size_t i = 0; i < graph.steps.size(); ++i) {
    for (size_t need : graph.steps[i].needs) wave[i] = std::max(wave[i], wave[need] + 1);
    if (waves.size() <= wave[i]) waves.resize(wave[i] + 1);
    waves[wave[i]].push_back(i);
  }
  return waves;
}

}  // namespace planrun
