#include "interpreter/files/durable_write.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <csignal>
#include <exception>
#include <functional>
#include <fstream>
#include <iterator>
#include <system_error>
#include <thread>
#include <vector>

#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The names in `dir`, so a test can say that no temporary file is left beside the target.
std::vector<std::string> names_in(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

// While it lives, files this process writes cannot grow past `bytes`: a write beyond fails
// with EFBIG (SIGXFSZ ignored), as on a full disk.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved_;
    limited.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limited);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, previous_handler_);
  }

 private:
  rlimit saved_{};
  void (*previous_handler_)(int) = nullptr;
};

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

TEST(DurableWrite, AFailedWriteLeavesNoTemporaryFileAndTheOldContent) {
  testing::TempDir dir;
  auto path = dir.path() / "state";
  write_file_durably(path, "old");
  {
    FileSizeLimit limit(4);
    EXPECT_THROW(write_file_durably(path, "new content longer than the limit"), std::system_error);
  }
  EXPECT_EQ(read(path), "old");
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"state"});
}

TEST(DurableWrite, AFailedRenameLeavesNoTemporaryFile) {
  testing::TempDir dir;
  auto path = dir.path() / "taken";
  std::filesystem::create_directories(path / "inside");  // rename(2) cannot replace it
  EXPECT_THROW(write_file_durably(path, "x"), std::system_error);
  EXPECT_EQ(names_in(dir.path()), std::vector<std::string>{"taken"});
}

TEST(DurableWrite, TwoThreadsWritingOneFileBothSucceedAndOneContentWins) {
  testing::TempDir dir;
  auto path = dir.path() / "shared";
  std::string first(4096, 'a'), second(8192, 'b');
  for (int round = 0; round < 50; ++round) {
    std::exception_ptr failures[2];
    auto writer = [&](int index, const std::string& bytes) {
      try {
        write_file_durably(path, bytes);
      } catch (...) {
        failures[index] = std::current_exception();
      }
    };
    std::thread a(writer, 0, std::cref(first)), b(writer, 1, std::cref(second));
    a.join();
    b.join();
    for (const std::exception_ptr& failure : failures) ASSERT_FALSE(failure) << "round " << round;
    std::string content = read(path);
    ASSERT_TRUE(content == first || content == second) << "round " << round << ": " << content.size() << " bytes";
    ASSERT_EQ(names_in(dir.path()), std::vector<std::string>{"shared"}) << "round " << round;
  }
}

}  // namespace
}  // namespace planrun
