#include <gtest/gtest.h>

#include "tests/support/compile_text.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using testing::compile_text;

const std::string kPlan = R"(planrun: 1
params:
  db: {type: database}
steps:
  - id: check
    type: assert-db-empty
    with: {database: "${db}"}
  - id: save
    type: backup
    with: {database: "${db}", to: backups/db}
)";

TEST(BackupPolicy, WarnsAboutWriteWithoutBackupBeforeIt) {
  auto compiled = compile_text(kPlan + R"(  - id: copy
    type: copy-db
    needs: [check]
    with: {from: "${db}", to: "sqlite:new.db"}
)");
  ASSERT_TRUE(compiled.graph) << "a warning must not fail compilation";
  EXPECT_NE(compiled.diagnostics.find("plan.yaml:11:5: warning: step 'copy' (copy-db) writes data but no backup "
                                      "step runs before it; add a backup step to its 'needs'"),
            std::string::npos)
      << compiled.diagnostics;
}

TEST(BackupPolicy, BackupReachedThroughOtherStepsCounts) {
  auto compiled = compile_text(kPlan + R"(  - id: gate
    type: confirm
    needs: [save]
    with: {message: "go?"}
  - id: copy
    type: copy-db
    needs: [gate]
    with: {from: "${db}", to: "sqlite:new.db"}
)");
  ASSERT_TRUE(compiled.graph) << compiled.diagnostics;
  EXPECT_EQ(compiled.diagnostics, "");
}

}  // namespace
}  // namespace planrun
