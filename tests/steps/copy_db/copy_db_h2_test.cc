// copy-db of an embedded H2 database: its files, byte for byte, resumable, verified.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "interpreter/databases/soci_databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/assert_db_empty/assert_db_empty_step.h"
#include "interpreter/steps/copy_db/copy_db_step.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class CopyDbH2 : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(old_home / "repository/database");
    std::string content("-- H2 0.5/B --\n", 15);
    for (unsigned i = 0; i < 300000; ++i) content += static_cast<char>(i * 7919u % 256u);  // zero bytes too
    std::ofstream(old_home / "repository/database/WSO2CARBON_DB.h2.db", std::ios::binary) << content;
  }

  StepContext context() {
    StepContext made = fixture.context({{"from", "jdbc:h2:" + (old_home / "repository/database/WSO2CARBON_DB").string() +
                                                     ";DB_CLOSE_ON_EXIT=FALSE"},
                                        {"to", "jdbc:h2:" + (new_home / "repository/database/WSO2CARBON_DB").string()}});
    made.services.databases = &databases;
    return made;
  }

  StepFailure failure() {
    try {
      StepContext run = context();
      CopyDbStep().run(run);
    } catch (const StepFailure& failure) {
      return failure;
    }
    ADD_FAILURE() << "copy-db did not fail";
    return StepFailure(Kind::Failed, "");
  }

  fs::path source_file() const { return old_home / "repository/database/WSO2CARBON_DB.h2.db"; }
  fs::path target_file() const { return new_home / "repository/database/WSO2CARBON_DB.h2.db"; }

  testing::StepFixture fixture{"copy-db"};
  SociDatabases databases;
  fs::path old_home = fixture.dir.path() / "wso2carbon-4.4.6";
  fs::path new_home = fixture.dir.path() / "wso2carbon-4.4.7";
};

TEST_F(CopyDbH2, CopiesTheDatabaseFilesExactlyAndVerifiesThem) {
  std::string before = bytes_of(source_file());
  StepContext run = context();
  CopyDbStep().run(run);
  EXPECT_TRUE(bytes_of(target_file()) == before);
  EXPECT_TRUE(bytes_of(source_file()) == before);
  EXPECT_FALSE(fs::exists(new_home / "repository/database/WSO2CARBON_DB.mv.db"));
  EXPECT_FALSE(fs::exists(target_file().string() + ".planrun-partial"));
  EXPECT_EQ(fixture.log.infos.back(), "verified 1 H2 file(s): sha256 matches the source");
  EXPECT_EQ(fixture.progress.done, fs::file_size(source_file()));
}

TEST_F(CopyDbH2, RefusesWhileTheSourceIsOpen) {
  std::ofstream(old_home / "repository/database/WSO2CARBON_DB.lock.db") << "server";
  StepFailure refused = failure();
  EXPECT_EQ(refused.kind, Kind::Precondition);
  EXPECT_NE(std::string(refused.what()).find("is open: its lock file"), std::string::npos) << refused.what();
  EXPECT_FALSE(fs::exists(target_file()));
}

TEST_F(CopyDbH2, RefusesATargetWhoseFilesExist) {
  fs::create_directories(target_file().parent_path());
  std::ofstream(target_file()) << "another database";
  StepFailure refused = failure();
  EXPECT_EQ(refused.kind, Kind::Precondition);
  EXPECT_EQ(bytes_of(target_file()), "another database");
}

TEST_F(CopyDbH2, AResumedCopySkipsRecordedFilesAndRecopiesChangedOnes) {
  StepContext first = context();
  CopyDbStep().run(first);
  // Rerun with the journal of the first attempt: nothing to copy, the copy checks again.
  StepContext again = context();
  CopyDbStep().run(again);
  EXPECT_EQ(fixture.log.warnings.size(), 0u);
  // The source changed since: its file is copied again, with a warning.
  std::ofstream(source_file(), std::ios::app) << "more";
  StepContext changed = context();
  CopyDbStep().run(changed);
  EXPECT_TRUE(bytes_of(target_file()) == bytes_of(source_file()));
  ASSERT_EQ(fixture.log.warnings.size(), 1u);
  EXPECT_NE(fixture.log.warnings[0].find("changed since the interrupted attempt"), std::string::npos);
}

TEST_F(CopyDbH2, VerificationNamesAFileThatDiffers) {
  StepContext first = context();
  CopyDbStep().run(first);
  std::ofstream(target_file(), std::ios::app) << "corrupted";
  StepFailure mismatch = failure();
  EXPECT_EQ(mismatch.kind, Kind::Failed);
  EXPECT_NE(std::string(mismatch.what()).find("the copy " + target_file().string() + " differs"), std::string::npos)
      << mismatch.what();
}

TEST_F(CopyDbH2, AssertDbEmptyPassesOnlyWhileNoFileExists) {
  StepContext empty = fixture.context({{"database", "jdbc:h2:" + (new_home / "repository/database/WSO2CARBON_DB").string()}});
  AssertDbEmptyStep().run(empty);
  StepContext full = fixture.context({{"database", "jdbc:h2:" + (old_home / "repository/database/WSO2CARBON_DB").string()}});
  try {
    AssertDbEmptyStep().run(full);
    ADD_FAILURE() << "a database with files passed";
  } catch (const StepFailure& failure) {
    EXPECT_EQ(failure.kind, Kind::Precondition);
    EXPECT_NE(std::string(failure.what()).find(source_file().string() + " exists"), std::string::npos);
  }
}

}  // namespace
}  // namespace planrun
