// The copy-db step on PostgreSQL, end to end through the step (journal, checkpoints, parallel
// copy, finish_schema, verification), checked by the independent comparison of
// postgresql_copy_fixture.h.

#include <gtest/gtest.h>

#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/copy_db/copy_db_step.h"
#include "tests/steps/copy_db/postgresql_copy_fixture.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

class CopyDbPostgresql : public ::testing::Test {
 protected:
  void SetUp() override {
    PLANRUN_REQUIRE_SERVER(server, "PLANRUN_TEST_POSTGRES");
    databases = std::make_unique<testing::PgCopyDatabases>(*server);
    service = std::make_unique<SociDatabases>(databases->credentials());
    testing::PgTestSession source(*server, databases->source_name);
    testing::load_carbon_like(source, 2000);
  }

  StepContext context() {
    StepContext made = fixture.context({{"from", databases->source.to_string()}, {"to", databases->target.to_string()}});
    made.services.databases = service.get();
    return made;
  }

  testing::StepFixture fixture{"copy-db"};
  std::optional<testing::TestServer> server;
  std::unique_ptr<testing::PgCopyDatabases> databases;
  std::unique_ptr<SociDatabases> service;
};

TEST_F(CopyDbPostgresql, CopiesVerifiesAndARerunChangesNothing) {
  auto before = testing::read_content(*server, databases->source_name);
  StepContext run = context();
  CopyDbStep().run(run);
  testing::expect_same_content(before, testing::read_content(*server, databases->target_name));
  EXPECT_TRUE(before == testing::read_content(*server, databases->source_name)) << "the source changed";
  EXPECT_EQ(run.outputs.at("tables"), Value(int64_t{12}));
  StepContext again = context();
  CopyDbStep().run(again);
  testing::expect_same_content(before, testing::read_content(*server, databases->target_name));
}

TEST_F(CopyDbPostgresql, ATargetThatHoldsATableIsRefused) {
  testing::PgTestSession(*server, databases->target_name).execute("CREATE TABLE somebody_elses (id INTEGER)");
  StepContext run = context();
  try {
    CopyDbStep().run(run);
    ADD_FAILURE() << "copy-db copied into a target that was not empty";
  } catch (const StepFailure& failure) {
    EXPECT_EQ(failure.kind, StepFailure::Kind::Precondition);
    EXPECT_NE(std::string(failure.what()).find("somebody_elses"), std::string::npos) << failure.what();
  }
}

}  // namespace
}  // namespace planrun
