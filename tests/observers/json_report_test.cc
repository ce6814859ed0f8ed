#include "interpreter/observers/json_report.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/observers/memory_stream.h"
#include "tests/observers/step_results.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using nlohmann::json;
using std::chrono::milliseconds;
using testing::make_result;
using testing::make_step;

TEST(JsonReport, WritesNothingUntilTheRunEnds) {
  testing::MemoryStream out;
  JsonReport report(out.file());
  StepNode copy = make_step("copy-db", "copy-db");
  report.run_started({3, "wso2-upgrade", "upgrade.yaml", "", 1, 1});
  report.step_started(copy, 1, false);
  report.step_output(copy, "x");
  report.step_finished(make_result(copy, StepOutcome::Done, 1, 10));
  EXPECT_EQ(out.text(), "");
}

TEST(JsonReport, WritesOnePrettyDocumentWithEveryStep) {
  testing::MemoryStream out;
  JsonReport report(out.file());
  StepNode copy = make_step("copy-db", "copy-db");
  StepNode start = make_step("start", "run");
  report.run_started({3, "wso2-upgrade", "upgrade.yaml", "", 2, 1});
  report.run_finished({3, "failed", 1, milliseconds(12400),
                       {make_result(copy, StepOutcome::UpToDate, 0, 0, "done in run 2"),
                        make_result(start, StepOutcome::Failed, 2, 1000, "exited 3")}});

  std::string text = out.text();
  EXPECT_EQ(text.rfind("{\n  \"run_id\": 3,\n  \"plan\": \"wso2-upgrade\",\n", 0), 0u) << text;
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(json::parse(text), json::parse(R"({
    "run_id": 3, "plan": "wso2-upgrade", "outcome": "failed", "exit_code": 1, "duration_ms": 12400,
    "counts": {"done": 0, "up-to-date": 1, "skipped": 0, "failed": 1, "cancelled": 0},
    "steps": [
      {"id": "copy-db", "type": "copy-db", "outcome": "up-to-date", "attempts": 0, "duration_ms": 0,
       "message": "done in run 2"},
      {"id": "start", "type": "run", "outcome": "failed", "attempts": 2, "duration_ms": 1000,
       "message": "exited 3"}
    ]})"));
}

}  // namespace
}  // namespace planrun
