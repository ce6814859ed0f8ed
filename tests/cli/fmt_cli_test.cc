// `planrun fmt` as a reviewer's CI and an author meet it: the real binary, its output, its exit codes.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/state/scratch_dir.h"
#include "tests/support/planrun_binary.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

using testing::Outcome;

using testing::read_file;

// A scratch folder that planrun runs in.
class FmtCli : public ::testing::Test {
 protected:
  void write(const std::string& name, const std::string& text) { testing::write_file(dir() / name, text); }
  Outcome planrun(const std::string& args) { return testing::run_planrun(args, dir().string()); }
  const fs::path& dir() const { return scratch.path; }

  testing::ScratchDir scratch;
};

const char* kUntidy = "steps:\n  - type: run\n    id: a\n    with: {command: [\"true\"]}\nplanrun: 1  # format\n";
const char* kTidy = "planrun: 1  # format\nsteps:\n  - id: a\n    type: run\n    with: {command: [\"true\"]}\n";

TEST(FmtCliRepository, EveryExampleAndStdlibPlanPassesCheck) {
  Outcome outcome = testing::run_planrun(
      "fmt --check $(grep -rlE '^planrun *[:=]' examples stdlib-plans --include='*.yaml' --include='*.yml' "
      "--include='*.plan' | sort)",
      PLANRUN_SOURCE_DIR);
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_EQ(outcome.output, "");
}

TEST_F(FmtCli, CheckNamesEachFileThatIsNotCanonicalAndExitsOne) {
  write("untidy.yaml", kUntidy);
  write("tidy.yaml", kTidy);
  Outcome outcome = planrun("fmt --check untidy.yaml tidy.yaml");
  EXPECT_EQ(outcome.exit_code, 1);
  EXPECT_EQ(outcome.output, "untidy.yaml: not in canonical form (planrun fmt --write untidy.yaml)\n");
  EXPECT_EQ(read_file(dir() / "untidy.yaml"), kUntidy);  // --check writes nothing
}

TEST_F(FmtCli, PrintsTheCanonicalFormAndWritesItInPlace) {
  write("p.yaml", kUntidy);
  Outcome printed = planrun("fmt p.yaml");
  EXPECT_EQ(printed.exit_code, 0);
  EXPECT_EQ(printed.output, kTidy);
  EXPECT_EQ(planrun("fmt --write p.yaml").exit_code, 0);
  EXPECT_EQ(read_file(dir() / "p.yaml"), kTidy);
  EXPECT_EQ(planrun("fmt --check p.yaml").exit_code, 0);
}

TEST_F(FmtCli, ConvertsBesideThePlanAndTheConversionChecksAndRuns) {
  write("p.yaml", kUntidy);
  Outcome converted = planrun("fmt --to plan --write p.yaml");
  EXPECT_EQ(converted.exit_code, 0) << converted.output;
  EXPECT_EQ(converted.output, "planrun fmt: wrote p.plan\n");
  EXPECT_EQ(read_file(dir() / "p.yaml"), kUntidy);
  EXPECT_EQ(read_file(dir() / "p.plan"),
            "planrun = 1  # format\n\nstep a: run {\n  with = { command = [\"true\"] }\n}\n");
  EXPECT_EQ(planrun("check p.plan").output, "");
  EXPECT_EQ(planrun("graph p.plan --format mermaid").output, planrun("graph p.yaml --format mermaid").output);
  Outcome preview = planrun("plan p.plan");
  EXPECT_EQ(preview.exit_code, 0) << preview.output;
  EXPECT_NE(preview.output.find("a (run)"), std::string::npos) << preview.output;
  Outcome run = planrun("run p.plan");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(planrun("fmt --to yaml p.plan").output, kTidy);
}

TEST_F(FmtCli, APlanFileResumesByItsOwnPathWhateverItsSyntax) {
  write("p.plan", "planrun = 1\n\nstep a: run {\n  with = { command = [\"true\"] }\n}\n");
  EXPECT_EQ(planrun("fmt --to yaml --write p.plan").exit_code, 0);
  EXPECT_NE(planrun("run p.plan").output.find("run 1 succeeded in"), std::string::npos);
  Outcome again = planrun("run p.plan");
  EXPECT_NE(again.output.find("1 up to date"), std::string::npos) << again.output;
  // The same plan in YAML is another file, so another plan to the state: it runs.
  Outcome yaml = planrun("run p.yaml");
  EXPECT_NE(yaml.output.find("1 done"), std::string::npos) << yaml.output;
  Outcome status = planrun("status");
  EXPECT_NE(status.output.find("Steps of p.plan:"), std::string::npos) << status.output;
  EXPECT_NE(status.output.find("Steps of p.yaml:"), std::string::npos) << status.output;
}

TEST_F(FmtCli, APlanThatDoesNotParseIsADiagnosticAndExitTwo) {
  write("bad.plan", "planrun = 1\nstep a run\n");
  Outcome outcome = planrun("fmt --check bad.plan");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.output,
            "bad.plan:2:8: error: expected ':' and the step's type after its id, found 'r'\nstep a run\n       ^\n");
}

TEST_F(FmtCli, ConflictingOptionsAreUsageErrors) {
  write("p.yaml", kTidy);
  EXPECT_EQ(planrun("fmt --check --write p.yaml").exit_code, 2);
  EXPECT_EQ(planrun("fmt --check --to plan p.yaml").exit_code, 2);
  Outcome several = planrun("fmt p.yaml p.yaml");
  EXPECT_EQ(several.exit_code, 2);
  EXPECT_EQ(several.output, "planrun fmt: fmt prints one plan; give --write or --check for several\n");
  EXPECT_EQ(planrun("fmt --to json p.yaml").exit_code, 2);
}

}  // namespace
}  // namespace planrun
