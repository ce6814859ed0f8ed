// copy-dir's promise under kill -9: the real binary is killed at random moments while it
// copies a tree, then run again until it finishes; the copy is exact, no temporary file is
// left, and no file that was complete in the target at a kill is copied again (its inode stays).
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "tests/support/file_trees.h"
#include "tests/support/killed_runs.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using testing::describe_tree;
using testing::done_steps;
using testing::file_inodes;
using testing::start_planrun;
using testing::wait_exit;

void write_tree(const fs::path& root) {
  std::mt19937 random(7);
  for (int i = 0; i < 3000; ++i)
    testing::write_file(root / ("d" + std::to_string(i % 40)) / ("f " + std::to_string(i)),
                        std::string(100 + random() % 3000, static_cast<char>('a' + i % 26)), 0640, 1'600'000'000 + i);
  for (int i = 0; i < 12; ++i)
    testing::write_file(root / "big" / ("blob" + std::to_string(i)), std::string(4 << 20, static_cast<char>(i)));
  fs::create_symlink("../big/blob0", root / "d0" / "link");
  fs::create_hard_link(root / "big" / "blob1", root / "d1" / "hard");
}

// Whether the state records the copy done; a kill while the state was being created leaves one
// that cannot be read yet, which records nothing.
bool copy_done(const fs::path& dir) {
  try {
    return done_steps(dir, "copy.yaml").count("copy") > 0;
  } catch (const std::exception&) {
    return false;
  }
}

void write_plan(const fs::path& dir) {
  std::ofstream(dir / "copy.yaml") << "planrun: 1\nname: copy\nsteps:\n"
                                      "  - id: copy\n    type: copy-dir\n"
                                      "    with: {from: \"" << (dir / "src").string() << "\", to: \""
                                   << (dir / "dst").string() << "\"}\n";
}

TEST(CopyDirCrash, KilledAtRandomMomentsResumesToAnExactCopyWithoutRecopying) {
  testing::TempDir scratch;
  const fs::path& dir = scratch.path();
  write_tree(dir / "src");
  write_plan(dir);
  std::mt19937 random(2024);
  std::map<std::string, ino_t> complete_at_kills;
  int killed_while_copying = 0;
  for (int round = 0; round < 8 && !copy_done(dir); ++round) {
    pid_t pid = start_planrun(dir, "copy.yaml");
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution(40, 400)(random)));
    kill(pid, SIGKILL);
    wait_exit(pid);
    if (!fs::exists(dir / "dst")) continue;
    ++killed_while_copying;
    for (const auto& [name, inode] : file_inodes(dir / "dst")) {
      if (name.find(".planrun-part-") != std::string::npos) continue;
      auto [kept, inserted] = complete_at_kills.try_emplace(name, inode);
      EXPECT_EQ(kept->second, inode) << name << " was copied again after round " << round;
    }
  }
  EXPECT_GT(killed_while_copying, 0);
  EXPECT_GT(complete_at_kills.size(), 0u);
  ASSERT_EQ(wait_exit(start_planrun(dir, "copy.yaml")), 0);
  EXPECT_TRUE(copy_done(dir));
  EXPECT_EQ(describe_tree(dir / "dst"), describe_tree(dir / "src"));
  std::map<std::string, ino_t> final_inodes = file_inodes(dir / "dst");
  for (const auto& [name, inode] : complete_at_kills) {
    EXPECT_EQ(name.find(".planrun-part-"), std::string::npos);
    EXPECT_EQ(final_inodes[name], inode) << name << " was copied again";
  }
}

}  // namespace
}  // namespace planrun
