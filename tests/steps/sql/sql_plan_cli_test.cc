// The sql step through the real binary: `planrun plan` after a failed statement-by-statement run
// says where a resume continues, and the rerun continues there.

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/planrun_binary.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(SqlPlanCli, PlanShowsWhereAResumeContinuesAndTheRerunContinuesThere) {
  testing::TempDir dir;
  std::string folder = dir.path().string();
  std::ofstream(dir.path() / "up.sql") << "CREATE TABLE t (n INTEGER);\nINSERT INTO t VALUES (1);\n"
                                          "INSERT INTO later VALUES (2);\nINSERT INTO t VALUES (3);\n";
  std::ofstream(dir.path() / "sql.yaml")
      << "planrun: 1\nname: sql-cli\nsteps:\n  - id: apply\n    type: sql\n"
         "    with: {database: \"sqlite:" + folder + "/t.db\", script: \"" + folder + "/up.sql\", transaction: false}\n";
  testing::Outcome failed = testing::run_planrun("run sql.yaml --quiet", folder);
  EXPECT_EQ(failed.exit_code, 1) << failed.output;
  EXPECT_NE(failed.output.find("up.sql:3:1: statement 3 of 4 failed: SQL logic error (1): no such table: later"),
            std::string::npos)
      << failed.output;
  testing::Outcome plan = testing::run_planrun("plan sql.yaml", folder);
  EXPECT_NE(plan.output.find("=> resumes at statement 3 (" + folder + "/up.sql:3:1): 1 to 2 ran"), std::string::npos)
      << plan.output;
  // The missing table appears (another team's step, say): the rerun continues at statement 3.
  testing::run_planrun("", folder, "sqlite3 t.db 'CREATE TABLE later (n INTEGER)' #");
  testing::Outcome rerun = testing::run_planrun("run sql.yaml", folder);
  EXPECT_EQ(rerun.exit_code, 0) << rerun.output;
  EXPECT_NE(rerun.output.find("statements 1 to 2 ran in an earlier attempt; continuing at 3"), std::string::npos)
      << rerun.output;
  testing::Outcome rows = testing::run_planrun("", folder, "sqlite3 t.db 'SELECT group_concat(n) FROM t' #");
  EXPECT_EQ(rows.output, "1,3\n");
}

}  // namespace
}  // namespace planrun
