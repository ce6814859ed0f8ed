#include "interpreter/step_kit/file_system.h"

#include <gtest/gtest.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace {

TEST(SystemFileSystem, ADurableWriteReplacesTheFileWhole) {
  testing::TempDir dir;
  SystemFileSystem files;
  files.write_durably(dir.path() / "config.xml", "<old/>");
  files.write_durably(dir.path() / "config.xml", "<new/>");
  EXPECT_EQ(files.read_file(dir.path() / "config.xml"), std::optional<std::string>("<new/>"));
  EXPECT_EQ(files.list(dir.path()), (std::vector<std::string>{"config.xml"}));
}

TEST(SystemFileSystem, AWriteTheWorldRefusesIsAnEnvironmentErrorNamingThePath) {
  testing::TempDir dir;
  SystemFileSystem files;
  auto path = dir.path() / "missing" / "file";
  try {
    files.write_durably(path, "x");
    FAIL() << "no error";
  } catch (const EnvironmentError& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
  }
}

TEST(SystemFileSystem, AMissingFileReadsAsNothing) {
  testing::TempDir dir;
  SystemFileSystem files;
  EXPECT_EQ(files.read_file(dir.path() / "absent"), std::nullopt);
  EXPECT_TRUE(files.list(dir.path() / "absent").empty());
}

}  // namespace
}  // namespace planrun
