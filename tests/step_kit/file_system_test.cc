#include "interpreter/step_kit/file_system.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(SystemFileSystem, ReadsAPieceOfAFileAndItsSize) {
  testing::TempDir dir;
  SystemFileSystem files;
  std::filesystem::path log = dir.path() / "server.log";
  EXPECT_EQ(files.file_size(log), std::nullopt);
  EXPECT_EQ(files.read_at(log, 0, 10), "");
  files.write_durably(log, "first\nsecond\n");
  EXPECT_EQ(files.file_size(log), 13u);
  EXPECT_EQ(files.read_at(log, 6, 4), "seco");
  EXPECT_EQ(files.read_at(log, 6, 100), "second\n");  // fewer at the end
  EXPECT_EQ(files.read_at(log, 13, 10), "");
  EXPECT_EQ(files.read_at(log, 50, 10), "");
}

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

mode_t mode_of(const std::filesystem::path& path) {
  struct stat info {};
  ::stat(path.c_str(), &info);
  return info.st_mode & 07777;
}

TEST(SystemFileSystem, ADurableWriteSetsTheModeItIsGiven) {
  testing::TempDir dir;
  SystemFileSystem files;
  files.write_durably(dir.path() / "kept.xml", "<password>s3cret</password>", 0600);
  EXPECT_EQ(mode_of(dir.path() / "kept.xml"), 0600u);
}

TEST(SystemFileSystem, ARewriteKeepsTheFilesModeAndItsSymbolicLink) {
  testing::TempDir dir;
  SystemFileSystem files;
  auto file = dir.path() / "master-datasources.xml";
  auto link = dir.path() / "link.xml";
  files.write_durably(file, "<old/>", 0640);
  std::filesystem::create_symlink(file.filename(), link);
  files.rewrite_durably(link, "<new/>");
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_EQ(files.read_file(file), std::optional<std::string>("<new/>"));
  EXPECT_EQ(mode_of(file), 0640u);
}

TEST(SystemFileSystem, ARewriteOfNoFileIsAnEnvironmentErrorNamingThePath) {
  testing::TempDir dir;
  SystemFileSystem files;
  auto path = dir.path() / "absent.xml";
  try {
    files.rewrite_durably(path, "x");
    FAIL() << "no error";
  } catch (const EnvironmentError& error) {
    EXPECT_EQ(std::string(error.what()), "cannot rewrite '" + path.string() + "': No such file or directory");
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(SystemFileSystem, AMissingFileReadsAsNothing) {
  testing::TempDir dir;
  SystemFileSystem files;
  EXPECT_EQ(files.read_file(dir.path() / "absent"), std::nullopt);
  EXPECT_TRUE(files.list(dir.path() / "absent").empty());
}

}  // namespace
}  // namespace planrun
