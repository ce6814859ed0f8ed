#include "interpreter/files/verified_copy.h"

#include <gtest/gtest.h>

#include "tests/support/file_trees.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

TEST(VerifiedCopy, CopiesTheBytesAndTheModeAndLeavesNoTemporaryFile) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "from/key.p12", "key store bytes", 0600);
  EXPECT_TRUE(copy_file_verified(dir.path() / "from/key.p12", dir.path() / "to/deeper/key.p12"));
  EXPECT_EQ(testing::read_text(dir.path() / "to/deeper/key.p12"), "key store bytes");
  EXPECT_EQ(fs::status(dir.path() / "to/deeper/key.p12").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path() / "to/deeper"), fs::directory_iterator()), 1);
}

TEST(VerifiedCopy, ATargetWithTheSameBytesIsLeftAlone) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "a.jar", "same");
  testing::write_file(dir.path() / "b.jar", "same", 0640);
  EXPECT_FALSE(copy_file_verified(dir.path() / "a.jar", dir.path() / "b.jar"));
  EXPECT_EQ(fs::status(dir.path() / "b.jar").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

TEST(VerifiedCopy, ATargetWithOtherBytesAndALeftoverTemporaryFileAreReplaced) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "a.jar", "new bytes");
  testing::write_file(dir.path() / "b.jar", "old bytes");
  testing::write_file(dir.path() / ".b.jar.planrun-copy", "half of a killed copy");
  EXPECT_TRUE(copy_file_verified(dir.path() / "a.jar", dir.path() / "b.jar"));
  EXPECT_EQ(testing::read_text(dir.path() / "b.jar"), "new bytes");
  EXPECT_FALSE(fs::exists(dir.path() / ".b.jar.planrun-copy"));
}

TEST(VerifiedCopy, AMissingSourceIsASystemErrorNamingIt) {
  testing::TempDir dir;
  try {
    copy_file_verified(dir.path() / "gone.jar", dir.path() / "b.jar");
    FAIL() << "no error";
  } catch (const std::system_error& error) {
    EXPECT_NE(std::string(error.what()).find((dir.path() / "gone.jar").string()), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace planrun
