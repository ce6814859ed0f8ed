// copy-dir on real trees in temporary directories: exactness, safety, refusals, replacement of
// what the target held, resume from the checkpoint.

#include "interpreter/steps/copy_dir/copy_dir_step.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/file_trees.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;
using testing::describe_tree;
using testing::file_inodes;
using testing::read_text;
using testing::write_file;

// A tree with every kind of entry copy-dir must keep exactly.
void write_awkward_tree(const fs::path& root) {
  write_file(root / "a.txt", "alpha\n");
  write_file(root / "bin" / "run.sh", "#!/bin/sh\necho hi\n", 0755);
  write_file(root / "setuid-tool", "x", 04755);
  write_file(root / "name with spaces", "s");
  write_file(root / "new\nline", "n");
  write_file(root / "ünïcödé €", "u");
  write_file(root / "-leading-dash", "d");
  write_file(root / "sub" / "deep" / "big.bin", std::string(3 << 20, 'b') + "end", 0600, 1'500'000'000, 42);
  fs::create_directories(root / "empty-dir");
  ::chmod((root / "empty-dir").c_str(), 0750);
  write_file(root / "read-only" / "inside", "r", 0444);
  ::chmod((root / "read-only").c_str(), 0555);
  fs::create_symlink("a.txt", root / "link-inside");
  fs::create_symlink("/etc/shadow", root / "link-outside");  // never read: root could, a copy must not
  fs::create_symlink("../../nowhere", root / "sub" / "dangling");
  fs::create_hard_link(root / "a.txt", root / "sub" / "hard-to-a");
  for (const char* directory : {"bin", "sub/deep", "sub", "empty-dir", "read-only", ""})
    testing::set_times(root / directory, 1'400'000'000, 7);
  testing::set_times(root / "link-inside", 1'300'000'000, 5);
}

struct CopyDirTest : ::testing::Test {
  testing::StepFixture fixture{"copy-dir", "copy-server"};
  fs::path from = fixture.dir.path() / "old" / "server";
  fs::path to = fixture.dir.path() / "new" / "server";

  StepContext context(Value::Map extra = {}) {
    Value::Map fields{{"from", from.string()}, {"to", to.string()}};
    for (auto& [name, value] : extra) fields[name] = value;
    return fixture.context(std::move(fields));
  }
  StepFailure failure_of(Value::Map extra = {}) {
    StepContext run_context = context(std::move(extra));
    try {
      CopyDirStep().run(run_context);
    } catch (const StepFailure& failure) {
      return failure;
    }
    ADD_FAILURE() << "the step did not fail";
    return StepFailure(Kind::Failed, "");
  }
  void run(Value::Map extra = {}) {
    StepContext run_context = context(std::move(extra));
    CopyDirStep().run(run_context);
    outputs = run_context.outputs;
  }
  Value::Map outputs;
};

TEST_F(CopyDirTest, CopiesEveryKindOfEntryExactly) {
  write_awkward_tree(from);
  run();
  EXPECT_EQ(describe_tree(to), describe_tree(from));
  EXPECT_EQ(outputs.at("files"), Value(int64_t{13}));
  EXPECT_EQ(outputs.at("replaced"), Value(int64_t{0}));
  EXPECT_EQ(fixture.progress.done, fixture.progress.total);
  EXPECT_EQ(fixture.progress.counters.at("files"), 13u);
}

TEST_F(CopyDirTest, ASymlinkPointingOutsideStaysALinkAndIsNeverFollowed) {
  write_file(fixture.dir.path() / "outside" / "secret", "s");
  write_file(from / "a", "a");
  fs::create_symlink(fixture.dir.path() / "outside", from / "escape");
  run();
  EXPECT_TRUE(fs::is_symlink(to / "escape"));
  EXPECT_EQ(fs::read_symlink(to / "escape"), fixture.dir.path() / "outside");
  EXPECT_EQ(testing::file_inodes(fixture.dir.path() / "outside").size(), 1u);
}

TEST_F(CopyDirTest, HardLinksStayHardLinks) {
  write_file(from / "one", "1");
  fs::create_directories(from / "d");
  fs::create_hard_link(from / "one", from / "two");
  fs::create_hard_link(from / "one", from / "d" / "three");
  run();
  EXPECT_EQ(fs::hard_link_count(to / "one"), 3u);
  EXPECT_TRUE(fs::equivalent(to / "one", to / "d" / "three"));
}

TEST_F(CopyDirTest, RefusesFifosAndSocketsNamingThemAndWritesNothing) {
  write_file(from / "a", "a");
  ASSERT_EQ(::mkfifo((from / "queue").c_str(), 0600), 0);
  int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string socket_path = (from / "server.sock").string();
  socket_path.copy(address.sun_path, sizeof(address.sun_path) - 1);
  ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  StepFailure failure = failure_of();
  ::close(sock);
  EXPECT_STREQ(failure.what(), ("cannot copy '" + from.string() +
                                "': it holds 2 entries that are not files, directories or symlinks: 'queue' (fifo), "
                                "'server.sock' (socket); exclude them").c_str());
  EXPECT_FALSE(fs::exists(to));
}

TEST_F(CopyDirTest, RefusesAProductConfigurationUnlessAllowed) {
  from = fixture.dir.path() / "old-home";
  write_file(from / "repository" / "conf" / "carbon.xml", "<Server/>");
  write_file(from / "repository" / "deployment" / "server" / "a.war", "w");
  StepFailure failure = failure_of();
  EXPECT_EQ(failure.kind, Kind::Precondition);
  EXPECT_STREQ(failure.what(), ("refusing to copy a product's configuration: '" + (from / "repository/conf").string() +
                                "' would be copied, and configurations must not be copied between servers (set the "
                                "new version's own with update-config); exclude it, or set allow_config: true to "
                                "copy it anyway").c_str());
  EXPECT_FALSE(fs::exists(to));

  run({{"exclude", Value::List{"repository/conf"}}});
  EXPECT_FALSE(fs::exists(to / "repository" / "conf"));
  EXPECT_TRUE(fs::exists(to / "repository" / "deployment" / "server" / "a.war"));

  run({{"allow_config", true}});
  EXPECT_EQ(read_text(to / "repository" / "conf" / "carbon.xml"), "<Server/>");
}

TEST_F(CopyDirTest, RefusesASourceInsideAConfiguration) {
  from = fixture.dir.path() / "home" / "repository" / "conf" / "datasources";
  write_file(from / "master-datasources.xml", "<x/>");
  EXPECT_EQ(failure_of().kind, Kind::Precondition);
}

TEST_F(CopyDirTest, ExcludeLeavesOutNamesAnywhereAndPathsFromTheRoot) {
  write_file(from / "keep.txt", "k");
  write_file(from / "a.log", "l");
  write_file(from / "deep" / "b.log", "l");
  write_file(from / "tmp" / "work" / "x", "x");
  write_file(from / "other" / "tmp" / "y", "y");
  run({{"exclude", Value::List{"*.log", "/tmp/"}}});
  std::map<std::string, ino_t> copied = file_inodes(to);
  std::vector<std::string> names;
  for (const auto& [name, inode] : copied) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"keep.txt", "other/tmp/y"}));
}

TEST_F(CopyDirTest, FilesThatDifferInTheTargetAreReplacedAndKeptInTheRunDirectory) {
  write_file(from / "webapps" / "app.war", "old version's app");
  write_file(from / "same.txt", "same");
  write_file(to / "webapps" / "app.war", "new version's app");
  write_file(to / "same.txt", "same");
  write_file(to / "only-in-new.txt", "stays");
  run();
  EXPECT_EQ(read_text(to / "webapps" / "app.war"), "old version's app");
  EXPECT_EQ(read_text(to / "only-in-new.txt"), "stays");
  fs::path kept = fixture.run_dir() / "copy-server.replaced";
  EXPECT_EQ(read_text(kept / "webapps" / "app.war"), "new version's app");
  EXPECT_FALSE(fs::exists(kept / "same.txt"));
  EXPECT_EQ(outputs.at("replaced"), Value(int64_t{1}));
  std::vector<std::string>& lines = fixture.log.infos;
  auto listed = std::find(lines.begin(), lines.end(), "  webapps/app.war");
  ASSERT_NE(listed, lines.end());
  EXPECT_EQ(*std::prev(listed), "replaced 1 entries of '" + to.string() +
                                    "' that differed from the source; what they held is kept in '" + kept.string() +
                                    "':");
}

TEST_F(CopyDirTest, ADirectoryWhereTheSourceHasAFileFailsTheStepNamingIt) {
  write_file(from / "app", "file");
  fs::create_directories(to / "app" / "inside");
  EXPECT_STREQ(failure_of().what(), ("cannot copy 'app': '" + (to / "app").string() +
                                     "' is a directory in the target, where the source has no directory")
                                        .c_str());
  EXPECT_TRUE(fs::exists(to / "app" / "inside"));
}

// The system's refusal leaves the step as std::system_error, which the executor's step boundary
// reports as a step failure with its cause (tests/executor/step_runner_test.cc), not as a bug.
TEST_F(CopyDirTest, ATargetThatCannotBeCreatedFailsWithTheSystemsReasonNotAsABug) {
  write_file(from / "a", "a");
  write_file(fixture.dir.path() / "plain-file", "f");
  to = fixture.dir.path() / "plain-file" / "server";
  StepContext run_context = context();
  try {
    CopyDirStep().run(run_context);
    ADD_FAILURE() << "the step did not fail";
  } catch (const std::system_error& error) {
    EXPECT_EQ(error.code(), std::errc::not_a_directory) << error.what();
  }
}

TEST_F(CopyDirTest, RefusesATargetInsideTheSource) {
  write_file(from / "a", "a");
  to = from / "copy";
  EXPECT_STREQ(failure_of().what(),
               ("cannot copy '" + from.string() + "' to '" + to.string() + "': one is inside the other").c_str());
}

TEST_F(CopyDirTest, ResumingTrustsTheCheckpointAndRecopiesNothing) {
  write_awkward_tree(from);
  run();
  std::map<std::string, ino_t> first = file_inodes(to);
  ASSERT_TRUE(fixture.checkpoints.get("copied_through"));
  run();
  EXPECT_EQ(file_inodes(to), first);
  EXPECT_EQ(fixture.log.infos.back().rfind("copied 0 files (0 bytes); ", 0), 0u) << fixture.log.infos.back();
}

TEST_F(CopyDirTest, WithoutACheckpointFilesAlreadyCopiedAreFoundAndKept) {
  write_awkward_tree(from);
  run();
  std::map<std::string, ino_t> first = file_inodes(to);
  fixture.checkpoints.values.clear();  // killed after copying, before the checkpoint
  run();
  EXPECT_EQ(file_inodes(to), first);
  EXPECT_EQ(describe_tree(to), describe_tree(from));
}

TEST_F(CopyDirTest, VerificationFindsACopyWithTheSameSizeAndTimeButOtherBytes) {
  write_file(from / "a", "right");
  write_file(to / "a", "wrong");  // same size, mode and mtime: only the content tells
  run();
  EXPECT_EQ(read_text(to / "a"), "right");
  EXPECT_EQ(read_text(fixture.run_dir() / "copy-server.replaced" / "a"), "wrong");
}

TEST_F(CopyDirTest, ACheckpointOfAnotherTreeIsNotTrusted) {
  write_file(from / "a", "a");
  write_file(from / "b", "b");
  fixture.checkpoints.put("copied_through", "3\n3\nsomething else");
  run();
  EXPECT_EQ(read_text(to / "b"), "b");
}

TEST_F(CopyDirTest, InterruptedBeforeStartingStopsWithNothingHalfDone) {
  write_file(from / "a", "a");
  fixture.cancel.request();
  EXPECT_EQ(failure_of().kind, Kind::Cancelled);
  EXPECT_FALSE(fs::exists(to / "a"));
  if (!fs::exists(to)) return;
  for (const auto& [name, inode] : file_inodes(to)) EXPECT_EQ(name.find(".planrun-part-"), std::string::npos);
}

TEST_F(CopyDirTest, DiscardingPartialWorkRemovesTemporaryFilesOnly) {
  write_file(to / "kept", "k");
  write_file(to / "sub" / ".planrun-part-7", "half");
  StepContext discard_context = context();
  CopyDirStep().discard_partial_work(discard_context);
  EXPECT_TRUE(fs::exists(to / "kept"));
  EXPECT_FALSE(fs::exists(to / "sub" / ".planrun-part-7"));
}

TEST_F(CopyDirTest, DescribeSaysWhatWouldBeCopied) {
  Value::Map fields{{"from", "/old"}, {"to", "/new"}, {"exclude", Value::List{"*.log"}}};
  std::vector<std::string> lines = CopyDirStep().describe({fixture.step, fields, fixture.masker});
  EXPECT_EQ(lines, (std::vector<std::string>{
                       "would copy /old to /new, leaving out *.log, verifying the size and sha256 of every file"}));
}

}  // namespace
}  // namespace planrun
