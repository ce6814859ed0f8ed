#include "interpreter/state/plan_key.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(PlanKey, ThePlanBesideItsDefaultStateIsKnownByItsFileName) {
  EXPECT_EQ(plan_key("/srv/plans/446-to-447.yaml", "/srv/plans/.planrun"), "446-to-447.yaml");
}

TEST(PlanKey, AStateElsewhereKnowsThePlanByItsRelativePath) {
  EXPECT_EQ(plan_key("/srv/plans/a.yaml", "/var/lib/planrun/state"), "../../../srv/plans/a.yaml");
}

TEST(PlanKey, TwoPlansInOneFolderHaveTwoKeys) {
  EXPECT_NE(plan_key("/srv/plans/a.yaml", "/srv/plans/.planrun"), plan_key("/srv/plans/b.yaml", "/srv/plans/.planrun"));
}

TEST(PlanKey, TheSamePlanNamedTwoWaysHasOneKey) {
  EXPECT_EQ(plan_key("/srv/plans/./sub/../a.yaml", "/srv/plans/.planrun"), "a.yaml");
}

TEST(PlanFolderName, KeepsASimpleNameAndEncodesTheRestReversibly) {
  EXPECT_EQ(plan_folder_name("446-to-447.yaml"), "446-to-447.yaml");
  EXPECT_EQ(plan_folder_name("../plans/a b.yaml"), "..%2Fplans%2Fa%20b.yaml");
  EXPECT_NE(plan_folder_name("a/b.yaml"), plan_folder_name("a_b.yaml"));
  EXPECT_EQ(plan_folder_name(""), "_");
}

}  // namespace
}  // namespace planrun
