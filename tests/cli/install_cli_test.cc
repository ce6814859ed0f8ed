// planrun as `cmake --install` of this build lays it out (PREFIX/bin/planrun, PREFIX/share/planrun/)
// and as an operator runs it, from another folder: it finds the standard plans and the editors'
// schema of its own tree, not those of the source tree it was built from, and so does a copy of
// that tree moved elsewhere; build/planrun keeps using the source tree.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/support/tree_snapshot.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::shell;
using testing::shell_quoted;
using testing::ShellOutcome;

const fs::path kSource = PLANRUN_SOURCE_DIR;
const std::string kSchemaComment = "# yaml-language-server: $schema=";

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string first_line(const fs::path& file) {
  std::string text = read(file);
  return text.substr(0, text.find('\n'));
}

// Every file under `root`, relative to it.
std::set<std::string> files_under(const fs::path& root) {
  std::set<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root))
    if (!entry.is_directory()) files.insert(entry.path().lexically_relative(root).string());
  return files;
}

// Runs `binary ARGS` in `cwd` with neither PLANRUN_STDLIB nor PLANRUN_PATH from the test's
// environment, so that what it finds is its own (`env` adds assignments).
ShellOutcome run(const fs::path& binary, const std::string& args, const fs::path& cwd, const std::string& env = "") {
  return shell("cd " + shell_quoted(cwd.string()) + " && env -u PLANRUN_STDLIB -u PLANRUN_PATH " + env + " " +
               shell_quoted(binary.string()) + " " + args);
}

// A plan that uses a stdlib plan that does not exist: its error names the stdlib folder searched.
const char* kUsesAMissingPlan =
    "planrun: 1\nname: missing\nsteps:\n  - id: upgrade\n    use: carbon/no-such-plan\n";

class InstalledPlanrun : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("planrun-install-cli-" + std::to_string(getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir / "work");
    dir = fs::canonical(dir);  // what /proc/self/exe will say, should the temporary folder be a link
    prefix = dir / "prefix";
    ShellOutcome installed = shell(std::string(PLANRUN_CMAKE) + " --install " + shell_quoted(PLANRUN_BUILD_DIR) +
                                   " --prefix " + shell_quoted(prefix.string()));
    ASSERT_EQ(installed.exit_code, 0) << installed.output;
    std::ofstream(dir / "work/missing.yaml") << kUsesAMissingPlan;
  }
  void TearDown() override { fs::remove_all(dir); }

  // The stdlib folder that `binary`, run in work/, names when a used plan is not found.
  std::string stdlib_searched_by(const fs::path& binary, const std::string& env = "") {
    ShellOutcome outcome = run(binary, "check missing.yaml", dir / "work", env);
    EXPECT_EQ(outcome.exit_code, 2) << outcome.output;
    size_t from = outcome.output.find("stdlib-plans (");
    if (from == std::string::npos) return outcome.output;
    from += std::string("stdlib-plans (").size();
    return outcome.output.substr(from, outcome.output.find(')', from) - from);
  }

  // `planrun new carbon 9.9.9-to-9.9.10` by `binary` in work/, and a check of the plan it wrote,
  // which uses carbon/upgrade-same-db; returns the plan's $schema.
  std::string new_plan_checks_clean(const fs::path& binary) {
    ShellOutcome made = run(binary, "new carbon 9.9.9-to-9.9.10", dir / "work");
    EXPECT_EQ(made.exit_code, 0) << made.output;
    ShellOutcome check = run(binary, "check --strict carbon-9.9.9-to-9.9.10.yaml", dir / "work");
    EXPECT_EQ(check.exit_code, 0) << check.output;
    EXPECT_EQ(check.output, "");
    std::string line = first_line(dir / "work/carbon-9.9.9-to-9.9.10.yaml");
    EXPECT_EQ(line.rfind(kSchemaComment, 0), 0u) << line;
    return line.substr(std::min(line.size(), kSchemaComment.size()));
  }

  fs::path dir;
  fs::path prefix;
};

TEST_F(InstalledPlanrun, InstallsTheBinaryTheStandardPlansAndTheSchemaAndNothingElse) {
  std::set<std::string> expected{"bin/planrun", "share/planrun/planrun.schema.json"};
  for (const std::string& plan : files_under(kSource / "stdlib-plans"))
    expected.insert("share/planrun/stdlib-plans/" + plan);
  EXPECT_EQ(files_under(prefix), expected);
  EXPECT_EQ(read(prefix / "share/planrun/planrun.schema.json"), read(kSource / "docs/planrun.schema.json"));
  EXPECT_EQ(read(prefix / "share/planrun/stdlib-plans/carbon/upgrade-same-db.yaml"),
            read(kSource / "stdlib-plans/carbon/upgrade-same-db.yaml"));
}

TEST_F(InstalledPlanrun, UsesTheInstalledStandardPlansAndSchema) {
  fs::path binary = prefix / "bin/planrun";
  EXPECT_EQ(stdlib_searched_by(binary), (prefix / "share/planrun/stdlib-plans").string());
  EXPECT_EQ(new_plan_checks_clean(binary), (prefix / "share/planrun/planrun.schema.json").string());
}

TEST_F(InstalledPlanrun, ACopiedTreeUsesItsOwnStandardPlansAndSchema) {
  fs::path moved = dir / "elsewhere/planrun";
  fs::create_directories(moved.parent_path());
  fs::copy(prefix, moved, fs::copy_options::recursive);
  fs::remove_all(prefix);
  fs::path binary = moved / "bin/planrun";
  EXPECT_EQ(stdlib_searched_by(binary), (moved / "share/planrun/stdlib-plans").string());
  EXPECT_EQ(new_plan_checks_clean(binary), (moved / "share/planrun/planrun.schema.json").string());
}

TEST_F(InstalledPlanrun, PlanrunStdlibOverridesTheInstalledStandardPlans) {
  fs::path other = dir / "other-stdlib";
  EXPECT_EQ(stdlib_searched_by(prefix / "bin/planrun", "PLANRUN_STDLIB=" + shell_quoted(other.string())),
            other.string());
}

TEST_F(InstalledPlanrun, TheBuiltBinaryKeepsUsingTheSourceTree) {
  EXPECT_EQ(stdlib_searched_by(PLANRUN_BINARY), (kSource / "stdlib-plans").string());
  EXPECT_EQ(new_plan_checks_clean(PLANRUN_BINARY), fs::weakly_canonical(kSource / "docs/planrun.schema.json").string());
}

}  // namespace
}  // namespace planrun
