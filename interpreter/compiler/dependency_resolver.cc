#include "interpreter/compiler/dependency_resolver.h"

#include <algorithm>
#include <queue>
#include <set>
#include <string_view>
#include <unordered_map>

#include "interpreter/compiler/name_table.h"
#include "interpreter/diagnostics/did_you_mean.h"

namespace planrun {

namespace {

// Edges by position in file order: needs[i] lists the drafts step i needs.
using Edges = std::vector<std::vector<size_t>>;

Edges link(const std::vector<StepDraft>& drafts, const std::set<std::string>& broken, Diagnostics& diagnostics,
           bool& ok) {
  std::unordered_map<std::string_view, size_t> index;
  index.reserve(drafts.size());
  for (size_t i = 0; i < drafts.size(); ++i) index.emplace(drafts[i].node.id, i);
  auto all_ids = [&] {
    std::vector<std::string> ids;
    for (const StepDraft& draft : drafts) ids.push_back(draft.node.id);
    return ids;
  };
  Edges needs(drafts.size());
  for (size_t i = 0; i < drafts.size(); ++i) {
    const StepDraft& draft = drafts[i];
    std::vector<size_t>& targets = needs[i];
    for (const auto& [id, where] : draft.needs) {
      auto found = index.find(id);
      if (id == draft.node.id) {
        diagnostics.error(where, "step '" + id + "' needs itself");
        ok = false;
      } else if (is_broken_step(broken, id)) {
        ok = false;
      } else if (found == index.end()) {
        diagnostics.error(where, "step '" + draft.node.id + "' needs unknown step '" + id + "'" + did_you_mean(id, all_ids()));
        ok = false;
      } else {
        targets.push_back(found->second);
      }
    }
    for (const std::string& id : draft.reads_outputs_of) {
      if (id == draft.node.id) {
        diagnostics.error(draft.node.location, "step '" + id + "' reads its own outputs");
        ok = false;
      } else if (auto found = index.find(id); found != index.end()) {
        targets.push_back(found->second);
      }
    }
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  }
  return needs;
}

// Depth-first search that reports each cycle once, as the ids along it.
class CycleFinder {
 public:
  CycleFinder(const std::vector<StepDraft>& drafts, const Edges& needs)
      : drafts_(drafts), needs_(needs), state_(drafts.size(), State::Unvisited) {}

  bool report(Diagnostics& diagnostics) {
    for (size_t i = 0; i < drafts_.size(); ++i)
      if (state_[i] == State::Unvisited) visit(i, diagnostics);
    return found_;
  }

 private:
  enum class State { Unvisited, OnPath, Done };

  void visit(size_t step, Diagnostics& diagnostics) {
    state_[step] = State::OnPath;
    path_.push_back(step);
    for (size_t next : needs_[step]) {
      if (state_[next] == State::OnPath) report_cycle(next, diagnostics);
      if (state_[next] == State::Unvisited) visit(next, diagnostics);
    }
    path_.pop_back();
    state_[step] = State::Done;
  }

  // Printed along `needs`, like ninja, from the step that comes first in the file.
  void report_cycle(size_t start, Diagnostics& diagnostics) {
    auto first = std::find(path_.begin(), path_.end(), start);
    std::vector<size_t> cycle(first, path_.end());
    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
    std::string text;
    for (size_t step : cycle) text += drafts_[step].node.id + " -> ";
    text += drafts_[cycle.front()].node.id;
    diagnostics.error(drafts_[cycle.front()].node.location, "dependency cycle: " + text + " (each step needs the next)");
    found_ = true;
  }

  const std::vector<StepDraft>& drafts_;
  const Edges& needs_;
  std::vector<State> state_;
  std::vector<size_t> path_;
  bool found_ = false;
};

// Kahn's algorithm, always taking the ready step that comes first in the file.
std::vector<size_t> topological_order(const Edges& needs) {
  std::vector<size_t> waiting_on(needs.size());
  Edges needed_by(needs.size());
  for (size_t i = 0; i < needs.size(); ++i) {
    waiting_on[i] = needs[i].size();
    for (size_t dependency : needs[i]) needed_by[dependency].push_back(i);
  }
  std::priority_queue<size_t, std::vector<size_t>, std::greater<>> ready;
  for (size_t i = 0; i < needs.size(); ++i)
    if (waiting_on[i] == 0) ready.push(i);
  std::vector<size_t> order;
  while (!ready.empty()) {
    size_t step = ready.top();
    ready.pop();
    order.push_back(step);
    for (size_t dependent : needed_by[step])
      if (--waiting_on[dependent] == 0) ready.push(dependent);
  }
  return order;
}

}  // namespace

std::optional<std::vector<StepNode>> resolve_dependencies(std::vector<StepDraft> drafts,
                                                          const std::set<std::string>& broken,
                                                          Diagnostics& diagnostics) {
  bool ok = true;
  Edges needs = link(drafts, broken, diagnostics, ok);
  if (CycleFinder(drafts, needs).report(diagnostics) || !ok) return std::nullopt;
  std::vector<size_t> order = topological_order(needs);
  std::vector<size_t> position(drafts.size());
  for (size_t i = 0; i < order.size(); ++i) position[order[i]] = i;
  std::vector<StepNode> steps;
  steps.reserve(order.size());
  for (size_t original : order) {
    StepNode node = std::move(drafts[original].node);
    node.needs.clear();
    for (size_t dependency : needs[original]) node.needs.push_back(position[dependency]);
    std::sort(node.needs.begin(), node.needs.end());
    steps.push_back(std::move(node));
  }
  return steps;
}

}  // namespace planrun
