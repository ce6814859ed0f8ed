#include "interpreter/diagnostics/system_error_words.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "interpreter/files/file_error.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

TEST(SystemErrorWords, AFileSystemErrorNamesTheOperationThePathAndTheReasonWithoutTheLibrarysPrefix) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "file") << "x";
  try {
    fs::create_directories(dir.path() / "file" / "sub");
    FAIL() << "created a directory under a file";
  } catch (const std::system_error& error) {
    EXPECT_EQ(in_words(error), "cannot create directories '" + (dir.path() / "file" / "sub").string() +
                                   "': Not a directory");
  }
}

TEST(SystemErrorWords, ARenameNamesBothPaths) {
  fs::filesystem_error error("cannot rename", "/a", "/b", std::error_code(ENOSPC, std::generic_category()));
  EXPECT_EQ(in_words(error), "cannot rename '/a' to '/b': No space left on device");
}

TEST(SystemErrorWords, TheFileHelpersWordingIsKeptAsItIs) {
  try {
    throw_file_error("write", "/full/x", ENOSPC);
  } catch (const std::system_error& error) {
    EXPECT_EQ(in_words(error), "cannot write '/full/x': No space left on device");
  }
}

}  // namespace
}  // namespace planrun
