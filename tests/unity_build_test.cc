// The test program compiles in batches of files (a unity build, CMakeLists.txt), where two
// files' anonymous namespaces would be one and their helpers' names would clash, depending on
// which files share a batch. So each test file keeps its own helpers in
// `namespace PLANRUN_UNITY_ID {`, which CMake names uniquely per file; this test names a file
// that uses `namespace {` before the batches happen to put it beside a file it clashes with.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

TEST(UnityBuild, EveryTestFileKeepsItsHelpersInItsOwnNamespace) {
  fs::path tests = fs::path(PLANRUN_SOURCE_DIR) / "tests";
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(tests)) {
    if (entry.path().extension() != ".cc" || !entry.path().filename().string().ends_with("_test.cc")) continue;
    ++files;
    std::ifstream in(entry.path());
    int number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      EXPECT_NE(line.rfind("namespace {", 0), 0u)
          << entry.path().lexically_relative(tests).string() << ":" << number
          << ": use `namespace PLANRUN_UNITY_ID {` (the test program is a unity build; see CMakeLists.txt)";
    }
  }
  EXPECT_GT(files, 100) << "the scan found too few test files: did the layout change?";
}

}  // namespace PLANRUN_UNITY_ID
}  // namespace planrun
