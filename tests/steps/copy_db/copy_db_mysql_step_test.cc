// The copy-db step itself on the MariaDB server of scripts/test-servers.sh, with the MariaDB
// copier: checked by the independent dump of tests/steps/copy_db/mysql_copy_server.h.

#include <gtest/gtest.h>

#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/copy_db/copy_db_step.h"
#include "tests/steps/copy_db/mysql_copy_server.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

class CopyDbMysql : public testing::MysqlCopyTest {
 protected:
  StepContext context() {
    Value::Map fields;
    fields.emplace("from", from.to_string());
    fields.emplace("to", to.to_string());
    StepContext made = fixture.context(std::move(fields));
    databases = std::make_unique<SociDatabases>(credentials);
    made.services.databases = databases.get();
    return made;
  }

  testing::StepFixture fixture{"copy-db"};
};

TEST_F(CopyDbMysql, CopiesTheCarbonFixtureExactlyVerifiedAndPublishesTheCounts) {
  load_fixture();
  std::string before = dump(from);
  StepContext run = context();
  CopyDbStep().run(run);
  EXPECT_EQ(dump(to), before);
  EXPECT_EQ(dump(from), before);
  EXPECT_EQ(run.outputs.at("tables"), Value(int64_t{14}));
  EXPECT_EQ(run.outputs.at("rows"), Value(int64_t{50}));
}

TEST_F(CopyDbMysql, RefusesATargetThatIsNotEmpty) {
  load_fixture();
  session(to)->execute("CREATE TABLE mine (x INT)", "set up");
  try {
    StepContext run = context();
    CopyDbStep().run(run);
    FAIL() << "copied into a target that is not empty";
  } catch (const StepFailure& failure) {
    EXPECT_EQ(failure.kind, StepFailure::Kind::Precondition);
    EXPECT_EQ(std::string(failure.what()), "the target " + to.to_string() + " must be empty but holds 1 table: mine");
  }
}

}  // namespace
}  // namespace planrun
