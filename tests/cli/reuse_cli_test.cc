// The reuse and review commands as an author and a reviewer meet them: starting a version pair
// from the standard library, the standard plans checking clean, the editors' schema kept in the
// repository, GitHub annotations, and a diff of two plans.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/planrun_binary.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::run_planrun;

const fs::path kSource = PLANRUN_SOURCE_DIR;

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class ReuseCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("planrun-reuse-cli-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  fs::path dir;
};

// Every plan of the standard library and the examples, for the checks below.
std::vector<fs::path> shipped_plans() {
  std::vector<fs::path> plans;
  for (const char* folder : {"stdlib-plans", "examples"})
    for (const auto& entry : fs::recursive_directory_iterator(kSource / folder))
      if (entry.path().extension() == ".yaml" && entry.path().string().find("demo-vars") == std::string::npos)
        plans.push_back(entry.path());
  return plans;
}

TEST_F(ReuseCli, EveryStandardPlanAndExampleChecksCleanEvenStrict) {
  std::string args;
  for (const fs::path& plan : shipped_plans()) args += " '" + plan.string() + "'";
  auto outcome = run_planrun("check --strict" + args, dir.string());
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_EQ(outcome.output, "");
}

TEST_F(ReuseCli, EveryStandardPlanAndExampleOpensWithTheEditorsSchema) {
  for (const fs::path& plan : shipped_plans()) {
    std::string first_line = read(plan).substr(0, read(plan).find('\n'));
    std::string prefix = "# yaml-language-server: $schema=";
    ASSERT_EQ(first_line.rfind(prefix, 0), 0u) << plan;
    fs::path schema = plan.parent_path() / first_line.substr(prefix.size());
    EXPECT_TRUE(fs::equivalent(schema, kSource / "docs/planrun.schema.json")) << plan;
  }
}

TEST_F(ReuseCli, TheSchemaInTheRepositoryIsWhatPlanrunPrints) {
  auto schema = run_planrun("schema", dir.string());
  EXPECT_EQ(schema.exit_code, 0);
  EXPECT_EQ(schema.output, read(kSource / "docs/planrun.schema.json"))
      << "regenerate it: build/planrun schema > docs/planrun.schema.json";
  EXPECT_EQ(run_planrun("explain --json-schema", dir.string()).output, schema.output);
}

TEST_F(ReuseCli, NewStartsAVersionPairThatChecksClean) {
  auto made = run_planrun("new carbon 4.4.7-to-4.4.8", dir.string());
  ASSERT_EQ(made.exit_code, 0) << made.output;
  std::string plan = read(dir / "carbon-4.4.7-to-4.4.8.yaml");
  EXPECT_NE(plan.find("name: carbon-4.4.7-to-4.4.8\n"), std::string::npos) << plan;
  EXPECT_NE(plan.find("old_home:    {type: path, doc: 4.4.7 PRODUCT_HOME}"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("{{"), std::string::npos) << "every placeholder filled";
  auto check = run_planrun("check --strict carbon-4.4.7-to-4.4.8.yaml", dir.string());
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_EQ(check.output, "");
  auto again = run_planrun("new carbon 4.4.7-to-4.4.8", dir.string());
  EXPECT_EQ(again.exit_code, 2) << "an existing file is never overwritten";
  EXPECT_EQ(read(dir / "carbon-4.4.7-to-4.4.8.yaml"), plan);
  EXPECT_EQ(run_planrun("new carbon 4.4.8", dir.string()).exit_code, 2);
  EXPECT_EQ(run_planrun("new websphere 1-to-2", dir.string()).exit_code, 2);
}

TEST_F(ReuseCli, CheckWritesGithubAnnotations) {
  std::ofstream(dir / "bad plan.yaml") << "planrun: 1\nname: x\nsteps:\n  - id: a\n    type: copy-dirr\n"
                                          "  - id: b\n    type: run\n    with: {command: \"echo ${nme}\"}\n";
  auto outcome = run_planrun("check --format github 'bad plan.yaml' 2>/dev/null", dir.string());
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_EQ(outcome.output,
            "::error file=bad plan.yaml,line=5,col=11,title=planrun check::unknown step type 'copy-dirr' "
            "(did you mean 'copy-dir'?)\n"
            "::error file=bad plan.yaml,line=8,col=29,title=planrun check::undefined name 'nme'\n");
}

TEST_F(ReuseCli, DiffPrintsMarkdownForAPullRequest) {
  fs::path plans = kSource / "tests/plans/diff";
  auto outcome = run_planrun("diff upgrade.old.yaml upgrade.new.yaml --format markdown", plans.string());
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_EQ(outcome.output, read(plans / "upgrade.expected.md"));
  EXPECT_EQ(run_planrun("diff upgrade.old.yaml missing.yaml", plans.string()).exit_code, 2);
}

}  // namespace
}  // namespace planrun
