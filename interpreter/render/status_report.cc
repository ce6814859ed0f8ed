#include "interpreter/render/status_report.h"

#include <algorithm>

#include "interpreter/values/duration.h"

namespace planrun {

std::string aligned_table(const std::vector<std::vector<std::string>>& rows, const std::string& indent) {
  std::vector<size_t> widths;
  for (const auto& row : rows)
    for (size_t i = 0; i < row.size(); ++i) {
      if (widths.size() <= i) widths.push_back(0);
      widths[i] = std::max(widths[i], row[i].size());
    }
  std::string out;
  for (const auto& row : rows) {
    std::string line = indent;
    for (size_t i = 0; i < row.size(); ++i)
      line += row[i] + (i + 1 < row.size() ? std::string(widths[i] - row[i].size() + 2, ' ') : "");
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

namespace {

std::string took(std::optional<WallTime> start, std::optional<WallTime> end) {
  if (!start || !end) return "-";
  return format_duration(std::chrono::duration_cast<std::chrono::milliseconds>(*end - *start));
}

std::string lock_line(const std::optional<LockOwner>& owner, bool locked) {
  if (locked) return "locked by " + (owner ? owner->describe(wall_now()) : std::string("a running planrun"));
  if (owner) return "not locked (a lock of a run that died is left: " + owner->describe(wall_now()) + ")";
  return "not locked";
}

// With `plans`, each run also names the plan it ran (the state of several plans is shown).
std::string runs_table(const StateStore& store, bool plans) {
  std::vector<std::vector<std::string>> rows{{"run", "started", "took", "outcome"}};
  if (plans) rows.front().push_back("plan");
  for (const RunRecord& run : store.runs()) {
    rows.push_back({std::to_string(run.id), format_utc(run.started_at), took(run.started_at, run.finished_at),
                    run.finished_at ? run.outcome : "did not finish (the process died or still runs)"});
    if (plans) rows.back().push_back(run.plan_path);
  }
  return aligned_table(rows);
}

std::vector<std::string> step_row(const std::string& id, const std::optional<StepRecord>& record) {
  if (!record) return {id, "pending", "0", "-", "-", ""};
  std::string run = record->run_id ? std::to_string(*record->run_id) : "-";
  return {id,  std::string(step_status_name(record->status)), std::to_string(record->attempts), run,
          took(record->started_at, record->finished_at), record->message};
}

std::string steps_table(const StateStore& store, const ActionGraph* graph) {
  std::vector<std::vector<std::string>> rows{{"step", "status", "attempts", "run", "took", "message"}};
  if (graph) {
    for (const StepNode& step : graph->steps) rows.push_back(step_row(step.id, store.step_state(step.id)));
  } else {
    for (const StepRecord& record : store.all_steps()) rows.push_back(step_row(record.step_id, record));
  }
  return aligned_table(rows);
}

// Without a plan: every run, and the steps of each plan the state holds records for.
std::string every_plan(const StateStore& store) {
  std::string out = "Runs:\n" + runs_table(store, true);
  for (const std::string& key : store.plan_keys()) {
    StateStore plan(store.file().parent_path(), key, StateStore::Access::ReadOnly);
    out += "\nSteps of " + (key.empty() ? std::string("plans of an earlier planrun") : key) + ":\n" +
           steps_table(plan, nullptr);
  }
  return out;
}

}  // namespace

std::string status_report(const StateStore& store, const ActionGraph* graph, const std::optional<LockOwner>& owner,
                          bool locked) {
  std::string out = "State " + store.file().parent_path().string() + ": " + lock_line(owner, locked) + "\n\n";
  if (!graph) return out + every_plan(store);
  return out + "Runs:\n" + runs_table(store, false) + "\nSteps:\n" + steps_table(store, graph);
}

}  // namespace planrun
