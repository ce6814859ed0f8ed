// backup and restore of a directory, on real files: the archive and manifests are checked with
// tar and sha256sum outside planrun, and a restore must give back the tree exactly.

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>

#include "interpreter/files/sha256_hasher.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/backup/backup_step.h"
#include "interpreter/steps/restore/restore_step.h"
#include "tests/support/file_modes.h"
#include "tests/support/step_fixture.h"
#include "tests/support/tree_snapshot.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;
using testing::shell_quoted;
using testing::shell;

void write(const fs::path& path, const std::string& text, mode_t mode = 0644) {
  std::ofstream(path, std::ios::binary) << text;
  ::chmod(path.c_str(), mode);
}

void set_mtime(const fs::path& path, time_t seconds, long nanoseconds) {
  timespec times[2] = {{seconds, nanoseconds}, {seconds, nanoseconds}};
  ::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW);
}

// A product home in small: modes, an empty file and directory, odd names, a symbolic link
// inside the tree and a dangling one, a hard link, a large file, mtimes with nanoseconds.
void make_tree(const fs::path& root) {
  fs::create_directories(root / "bin");
  fs::create_directories(root / "repository/conf");
  fs::create_directories(root / "empty");
  fs::create_directories(root / "private");
  write(root / "bin/wso2server.sh", "#!/bin/sh\necho start\n", 0755);
  write(root / "repository/conf/carbon.xml", "<Server><Ports><Offset>0</Offset></Ports></Server>\n");
  write(root / "repository/conf/secret.properties", "key=value\n", 0600);
  write(root / "repository/empty.log", "");
  write(root / "name with spaces and \\ backslash.txt", "odd\n");
  std::string large(3 << 20, 'x');
  for (size_t i = 0; i < large.size(); i += 4096) large[i] = static_cast<char>('a' + i % 26);
  write(root / "lib.jar", large);
  fs::create_hard_link(root / "lib.jar", root / "bin/lib-link.jar");
  fs::create_symlink("../repository/conf/carbon.xml", root / "bin/carbon.xml");
  fs::create_symlink("/nonexistent/target", root / "dangling");
  ::chmod((root / "private").c_str(), 0700);
  set_mtime(root / "repository/conf/carbon.xml", 1400000000, 123456789);
  set_mtime(root / "lib.jar", 1500000000, 5);
  set_mtime(root / "private", 1300000000, 0);
  set_mtime(root / "repository/conf", 1300000001, 42);
}

class DirectoryBackup : public ::testing::Test {
 protected:
  void SetUp() override { make_tree(home()); }

  fs::path home() const { return dir.path() / "home"; }
  fs::path backup() const { return dir.path() / "backups/home"; }

  // Runs `step` with `fields`; the failure it threw, or nullopt.
  template <class Step>
  std::optional<StepFailure> run(Value::Map fields) {
    testing::StepFixture fixture(Step().schema().type);
    StepContext context = fixture.context(std::move(fields));
    context.work_dir = dir.path() / "work";
    try {
      Step().run(context);
    } catch (const StepFailure& failure) {
      return failure;
    }
    outputs = context.outputs;
    return std::nullopt;
  }
  std::optional<StepFailure> back_up(Value::Map more = {}) {
    more["dir"] = Value(home().string());
    more["to"] = Value(backup().string());
    return run<BackupStep>(std::move(more));
  }
  std::optional<StepFailure> restore(const fs::path& target, bool replace = false) {
    return run<RestoreStep>({{"from", Value(backup().string())}, {"dir", Value(target.string())},
                             {"replace", Value(replace)}});
  }

  testing::TempDir dir;
  Value::Map outputs;
};

TEST_F(DirectoryBackup, TarAndSha256sumVerifyTheBackupWithoutPlanrun) {
  auto failure = back_up();
  ASSERT_FALSE(failure) << failure->what();
  fs::path extracted = dir.path() / "extracted";
  fs::create_directories(extracted);
  auto tar = shell("tar -xf " + shell_quoted((backup() / "tree.tar.zst").string()) + " -C " + shell_quoted(extracted.string()));
  ASSERT_EQ(tar.exit_code, 0) << tar.output;
  auto files = shell("cd " + shell_quoted(extracted.string()) + " && sha256sum -c --strict " +
                     shell_quoted((backup() / "tree.sha256").string()));
  EXPECT_EQ(files.exit_code, 0) << files.output;
  EXPECT_NE(files.output.find("name with spaces and \\ backslash.txt: OK"), std::string::npos) << files.output;
  EXPECT_NE(files.output.find("bin/lib-link.jar: OK"), std::string::npos) << files.output;
  auto seal = shell("cd " + shell_quoted(backup().string()) + " && sha256sum -c --strict SHA256SUMS");
  EXPECT_EQ(seal.exit_code, 0) << seal.output;
  EXPECT_EQ(seal.output, "tree.sha256: OK\ntree.tar.zst: OK\n");
  EXPECT_EQ(testing::tree_snapshot(extracted), testing::tree_snapshot(home()));
}

TEST_F(DirectoryBackup, TheArchiveAndManifestsAreTheOwnersOnlyWhateverTheUmask) {
  mode_t umask_before = ::umask(0);  // the widest: nothing narrows what planrun asks for
  fs::create_directories(backup());
  ::chmod(backup().c_str(), 0755);  // a `to` made by the operator is made private too
  auto failure = back_up();
  ::umask(umask_before);
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(testing::modes_in(backup()), (std::map<std::string, std::string>{
                                             {".", "0700"}, {"SHA256SUMS", "0600"}, {"tree.sha256", "0600"},
                                             {"tree.tar.zst", "0600"}}));
}

TEST_F(DirectoryBackup, PublishesTheArchivesPathDigestAndSize) {
  ASSERT_FALSE(back_up());
  fs::path archive = backup() / "tree.tar.zst";
  EXPECT_EQ(outputs["path"], Value(archive.string()));
  EXPECT_EQ(outputs["sha256"], Value(sha256_of_file(archive)));
  EXPECT_EQ(outputs["bytes"], Value(static_cast<int64_t>(fs::file_size(archive))));
  EXPECT_LT(fs::file_size(archive), 1u << 20);  // compressed: the large file repeats itself
}

TEST_F(DirectoryBackup, GzipAndUncompressedArchivesAreNamedForTar) {
  ASSERT_FALSE(back_up({{"compression", Value("gzip")}}));
  EXPECT_EQ(shell("tar -tzf " + shell_quoted((backup() / "tree.tar.gz").string())).exit_code, 0);
  ASSERT_FALSE(back_up({{"compression", Value("none")}}));
  auto listing = shell("tar -tvf " + shell_quoted((backup() / "tree.tar").string()));
  EXPECT_EQ(listing.exit_code, 0) << listing.output;
  EXPECT_NE(listing.output.find("./lib.jar link to ./bin/lib-link.jar"), std::string::npos) << listing.output;
  EXPECT_NE(listing.output.find("./bin/carbon.xml -> ../repository/conf/carbon.xml"), std::string::npos);
  EXPECT_FALSE(fs::exists(backup() / "tree.tar.zst.sha256"));
  EXPECT_EQ(shell("cd " + shell_quoted(backup().string()) + " && sha256sum -c SHA256SUMS").output,
            "tree.sha256: OK\ntree.tar: OK\n");
}

TEST_F(DirectoryBackup, RestoreGivesBackTheTreeExactly) {
  ASSERT_FALSE(back_up());
  auto failure = restore(dir.path() / "restored");
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(testing::tree_snapshot(dir.path() / "restored"), testing::tree_snapshot(home()));
  EXPECT_FALSE(fs::exists(dir.path() / ".restored.planrun-restoring"));
}

TEST_F(DirectoryBackup, RestoreIntoAnEmptyDirectoryIsAllowed) {
  ASSERT_FALSE(back_up());
  fs::create_directories(dir.path() / "restored");
  EXPECT_FALSE(restore(dir.path() / "restored"));
  EXPECT_EQ(testing::tree_snapshot(dir.path() / "restored"), testing::tree_snapshot(home()));
}

TEST_F(DirectoryBackup, RestoreRefusesADirectoryThatIsNotEmptyUnlessToldToReplaceIt) {
  ASSERT_FALSE(back_up());
  fs::path target = dir.path() / "restored";
  fs::create_directories(target);
  write(target / "keep.txt", "mine");
  auto failure = restore(target);
  ASSERT_TRUE(failure);
  EXPECT_EQ(failure->kind, Kind::Precondition);
  EXPECT_EQ(std::string(failure->what()), "cannot restore into " + target.string() +
                                              ": it is not empty (set replace: true to replace what it holds)");
  EXPECT_TRUE(fs::exists(target / "keep.txt"));
  failure = restore(target, true);
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(testing::tree_snapshot(target), testing::tree_snapshot(home()));
  EXPECT_FALSE(fs::exists(dir.path() / ".restored.planrun-replaced"));
}

TEST_F(DirectoryBackup, RestoreRefusesAnArchiveThatDiffersFromTheSeal) {
  ASSERT_FALSE(back_up());
  {
    // Flipped, not overwritten: a byte that already held the new value would change nothing.
    std::fstream archive(backup() / "tree.tar.zst", std::ios::in | std::ios::out | std::ios::binary);
    archive.seekg(100);
    char byte = static_cast<char>(archive.get());
    archive.seekp(100);
    archive.put(static_cast<char>(byte ^ 0x5a));
  }
  auto failure = restore(dir.path() / "restored");
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()),
            "the backup in " + backup().string() + " does not match its SHA256SUMS: tree.tar.zst: checksum differs");
  EXPECT_FALSE(fs::exists(dir.path() / "restored"));
}

TEST_F(DirectoryBackup, RestoreChecksEveryFileAgainstTheManifestAndLeavesNothingWhenOneDiffers) {
  ASSERT_FALSE(back_up());
  // A manifest that disagrees with the archive, resealed so only the per-file check can see it.
  std::string manifest = testing::shell("cat " + shell_quoted((backup() / "tree.sha256").string())).output;
  size_t line = manifest.find("  lib.jar");
  manifest.replace(line - 64, 64, std::string(64, '0'));
  write(backup() / "tree.sha256", manifest);
  ASSERT_EQ(shell("cd " + shell_quoted(backup().string()) + " && sha256sum tree.tar.zst tree.sha256 > SHA256SUMS").exit_code, 0);
  auto failure = restore(dir.path() / "restored");
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()), "the archive " + (backup() / "tree.tar.zst").string() +
                                              " does not match its manifest: lib.jar: checksum differs from the "
                                              "manifest");
  EXPECT_FALSE(fs::exists(dir.path() / "restored"));
  EXPECT_FALSE(fs::exists(dir.path() / ".restored.planrun-restoring"));
}

TEST_F(DirectoryBackup, RestoreRefusesABackupWithoutItsSeal) {
  ASSERT_FALSE(back_up());
  fs::remove(backup() / "SHA256SUMS");
  auto failure = restore(dir.path() / "restored");
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()), "there is no complete backup in " + backup().string() +
                                              ": SHA256SUMS is missing (a backup writes it last, once everything "
                                              "else is verified)");
}

TEST_F(DirectoryBackup, AnInterruptedBackupRemovesTheOldSealFirst) {
  ASSERT_FALSE(back_up());
  testing::StepFixture fixture("backup");
  StepContext context = fixture.context({{"dir", Value(home().string())}, {"to", Value(backup().string())}});
  context.work_dir = dir.path() / "work";
  fixture.cancel.request();
  try {
    BackupStep().run(context);
    FAIL() << "not interrupted";
  } catch (const StepFailure& failure) {
    EXPECT_EQ(failure.kind, Kind::Cancelled);
  }
  EXPECT_FALSE(fs::exists(backup() / "SHA256SUMS"));
  EXPECT_FALSE(fs::exists(backup() / ".tree.tar.zst.partial"));
  ASSERT_FALSE(back_up());
  EXPECT_EQ(shell("cd " + shell_quoted(backup().string()) + " && sha256sum -c --quiet SHA256SUMS").exit_code, 0);
}

TEST_F(DirectoryBackup, RefusesToArchiveIntoTheDirectoryItself) {
  auto failure = run<BackupStep>({{"dir", Value(home().string())}, {"to", Value((home() / "backup").string())}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()),
            "cannot back up " + home().string() + " into " + (home() / "backup").string() + ", which is inside it");
  EXPECT_FALSE(fs::exists(home() / "backup"));
}

TEST_F(DirectoryBackup, RefusesFormatsOtherThanTar) {
  auto failure = back_up({{"format", Value("zip")}});
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()),
            "format 'zip' is not one a directory backup writes: only tar keeps modes, owners and links");
}

// Thousands of entries in nested directories: the walk must keep its place while its list grows.
TEST_F(DirectoryBackup, ATreeOfThousandsOfEntriesRoundTrips) {
  for (int i = 0; i < 3000; ++i) {
    fs::path folder = home() / "many" / ("d" + std::to_string(i % 300)) / ("s" + std::to_string(i % 7));
    fs::create_directories(folder);
    write(folder / ("f" + std::to_string(i)), std::to_string(i));
  }
  auto failure = back_up();
  ASSERT_FALSE(failure) << failure->what();
  failure = restore(dir.path() / "restored");
  ASSERT_FALSE(failure) << failure->what();
  EXPECT_EQ(testing::tree_snapshot(dir.path() / "restored"), testing::tree_snapshot(home()));
}

// An archive made elsewhere whose entries would escape the target: a link, then a file through it.
TEST_F(DirectoryBackup, RestoreRefusesEntriesThatLeaveTheTarget) {
  fs::path evil = dir.path() / "evil";
  fs::create_directories(backup());
  auto made = shell("cd " + shell_quoted(dir.path().string()) + " && mkdir -p evil/out && ln -s /tmp evil/out/link && "
                    "echo x > f && tar -cf " + shell_quoted((backup() / "tree.tar").string()) +
                    " -C evil ./out/link --transform 's,^f$,./out/link/escaped,' -C .. f && : > " +
                    shell_quoted((backup() / "tree.sha256").string()) + " && cd " + shell_quoted(backup().string()) +
                    " && sha256sum tree.tar tree.sha256 > SHA256SUMS");
  ASSERT_EQ(made.exit_code, 0) << made.output;
  auto failure = restore(dir.path() / "restored");
  ASSERT_TRUE(failure);
  EXPECT_EQ(std::string(failure->what()), "the archive " + (backup() / "tree.tar").string() +
                                              " holds the entry 'out/link/escaped', which would leave its directory "
                                              "through a link");
  EXPECT_FALSE(fs::exists("/tmp/escaped"));
  EXPECT_FALSE(fs::exists(dir.path() / "restored"));
}

}  // namespace
}  // namespace planrun
