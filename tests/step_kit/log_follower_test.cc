// The log follower on files in memory: what a wait on a server's log reads, line by line.

#include "interpreter/step_kit/log_follower.h"

#include <gtest/gtest.h>

#include "tests/support/fake_services.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

const std::filesystem::path log_file = "/home/logs/server.log";

std::vector<std::string> texts(const std::vector<LogLine>& lines) {
  std::vector<std::string> out;
  for (const LogLine& line : lines) out.push_back(std::to_string(line.number) + ":" + line.text);
  return out;
}

TEST(LogFollower, EndOfNumbersTheLinesAlreadyThere) {
  testing::MemoryFileSystem files;
  files.files[log_file] = "one\ntwo\nthr";
  LogPosition end = LogFollower::end_of(files, log_file);
  EXPECT_EQ(end.offset, 11u);
  EXPECT_EQ(end.line, 3u);
  LogPosition none = LogFollower::end_of(files, "/home/logs/absent.log");
  EXPECT_EQ(none.offset, 0u);
  EXPECT_EQ(none.line, 1u);
}

TEST(LogFollower, ReadsOnlyWhatIsWrittenAfterTheStartNumberedInTheFile) {
  testing::MemoryFileSystem files;
  files.files[log_file] = "started in 3 sec\nold\n";
  LogFollower follower(files, log_file, LogFollower::end_of(files, log_file));
  EXPECT_TRUE(follower.read_new_lines().empty());
  files.files[log_file] += "new one\r\nnew two\n";
  EXPECT_EQ(texts(follower.read_new_lines()), (std::vector<std::string>{"3:new one", "4:new two"}));
  EXPECT_TRUE(follower.read_new_lines().empty());
}

TEST(LogFollower, HoldsBackALineUntilItsNewlineIsWritten) {
  testing::MemoryFileSystem files;
  LogFollower follower(files, log_file, {});
  EXPECT_TRUE(follower.read_new_lines().empty());  // no file yet
  files.files[log_file] = "WSO2 Carbon sta";
  EXPECT_TRUE(follower.read_new_lines().empty());
  EXPECT_EQ(follower.last_lines(), std::vector<std::string>{"WSO2 Carbon sta"});
  files.files[log_file] += "rted in 12 sec\nnext";
  EXPECT_EQ(texts(follower.read_new_lines()), std::vector<std::string>{"1:WSO2 Carbon started in 12 sec"});
  EXPECT_EQ(follower.last_lines(), (std::vector<std::string>{"WSO2 Carbon started in 12 sec", "next"}));
}

TEST(LogFollower, AFileThatShrankIsReadAgainFromItsStart) {
  testing::MemoryFileSystem files;
  files.files[log_file] = "a long line of an old run\n";
  LogFollower follower(files, log_file, LogFollower::end_of(files, log_file));
  files.files[log_file] = "rotated\n";  // shorter: truncated, or a new file in its place
  EXPECT_EQ(texts(follower.read_new_lines()), std::vector<std::string>{"1:rotated"});
  EXPECT_EQ(follower.restarts(), 1);
}

TEST(LogFollower, KeepsTheLastTenLinesForMessages) {
  testing::MemoryFileSystem files;
  LogFollower follower(files, log_file, {});
  for (int i = 1; i <= 25; ++i) files.files[log_file] += "line " + std::to_string(i) + "\n";
  EXPECT_EQ(follower.read_new_lines().size(), 25u);
  std::vector<std::string> last = follower.last_lines();
  ASSERT_EQ(last.size(), LogFollower::last_lines_kept);
  EXPECT_EQ(last.front(), "line 16");
  EXPECT_EQ(last.back(), "line 25");
}

TEST(LogFollower, ReadsALogLargerThanOnePieceWhole) {
  testing::MemoryFileSystem files;
  std::string big(3 << 20, 'x');
  files.files[log_file] = big + "\nready\n";
  LogFollower follower(files, log_file, {});
  std::vector<LogLine> lines = follower.read_new_lines();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text.size(), big.size());
  EXPECT_EQ(lines[1].number, 2u);
  EXPECT_EQ(LogFollower::end_of(files, log_file).line, 3u);
}

}  // namespace
}  // namespace planrun
