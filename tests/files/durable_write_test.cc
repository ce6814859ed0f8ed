#include "interpreter/files/durable_write.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <system_error>

#include "tests/support/step_fixture.h"

namespace planrun {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(DurableWrite, ReplacesTheWholeFileAndLeavesNoTemporaryBehind) {
  testing::TempDir dir;
  auto path = dir.path() / "key";
  write_file_durably(path, "old content that is longer");
  write_file_durably(path, "new", 0600);
  EXPECT_EQ(read(path), "new");
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  int entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1);
}

TEST(DurableWrite, AMissingDirectoryIsReportedWithThePath) {
  testing::TempDir dir;
  auto path = dir.path() / "absent" / "file";
  try {
    write_file_durably(path, "x");
    FAIL() << "no error";
  } catch (const std::system_error& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace planrun
