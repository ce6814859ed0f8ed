#include "interpreter/observers/json_report.h"

#include "interpreter/observers/result_json.h"

namespace planrun {
namespace {

OrderedJson step_json(const StepResult& result) {
  OrderedJson step;
  step["id"] = result.step ? result.step->id : "";
  step["type"] = result.step ? result.step->type : "";
  add_result_fields(step, result);
  return step;
}

}  // namespace

void JsonReport::run_finished(const RunSummary& summary) {
  OrderedJson report;
  report["run_id"] = summary.run_id;
  report["plan"] = plan_name_;
  report["outcome"] = summary.outcome;
  report["exit_code"] = summary.exit_code;
  report["duration_ms"] = summary.duration.count();
  report["counts"] = outcome_counts(summary.steps);
  report["steps"] = OrderedJson::array();
  for (const StepResult& result : summary.steps) report["steps"].push_back(step_json(result));
  std::string text = dump_json(report, 2) + "\n";
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

}  // namespace planrun
