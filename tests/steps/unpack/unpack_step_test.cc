// unpack on real archives in temporary directories: every format, strip_components, the
// escapes it refuses (writing nothing outside), an occupied target, and resuming.

#include "interpreter/steps/unpack/unpack_step.h"

#include <gtest/gtest.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/archive_builder.h"
#include "tests/support/file_trees.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;
using testing::ArchiveItem;
using testing::directory_item;
using testing::file_item;
using testing::hardlink_item;
using testing::read_text;
using testing::symlink_item;
using testing::write_archive;

struct UnpackTest : ::testing::Test {
  testing::StepFixture fixture{"unpack", "unpack"};
  fs::path archive = fixture.dir.path() / "product.tar.gz";
  fs::path to = fixture.dir.path() / "homes" / "new-home";
  fs::path outside = fixture.dir.path() / "outside";

  StepContext context(int64_t strip = 1) {
    return fixture.context({{"archive", archive.string()}, {"to", to.string()}, {"strip_components", strip}});
  }
  Value::Map run(int64_t strip = 1) {
    StepContext run_context = context(strip);
    UnpackStep().run(run_context);
    return run_context.outputs;
  }
  StepFailure failure_of(int64_t strip = 1) {
    StepContext run_context = context(strip);
    try {
      UnpackStep().run(run_context);
    } catch (const StepFailure& failure) {
      return failure;
    }
    ADD_FAILURE() << "the step did not fail";
    return StepFailure(Kind::Failed, "");
  }
  // Nothing landed outside `to`, and no staging directory is left beside it.
  void expect_nothing_written() {
    EXPECT_FALSE(fs::exists(outside / "evil"));
    EXPECT_FALSE(fs::exists(to));
    EXPECT_TRUE(fs::is_empty(to.parent_path()));
  }
  void refused(const std::vector<ArchiveItem>& items, const std::string& entry, const std::string& why) {
    fs::create_directories(outside);
    fs::create_directories(to.parent_path());
    write_archive(archive, "tar", items);
    StepFailure failure = failure_of();
    EXPECT_STREQ(failure.what(), ("refusing to unpack '" + archive.string() + "': its entry '" + entry + "' " + why +
                                  "; nothing was written outside '" + to.string() + "'")
                                     .c_str());
    expect_nothing_written();
  }
};

std::vector<ArchiveItem> product_items() {
  return {directory_item("wso2carbon-4.4.7/"),
          file_item("wso2carbon-4.4.7/bin/wso2server.sh", "#!/bin/sh\n", 0755),
          file_item("wso2carbon-4.4.7/repository/conf/carbon.xml", "<Server/>"),
          symlink_item("wso2carbon-4.4.7/lib/current", "../bin"),
          file_item("wso2carbon-4.4.7/README", "read me")};
}

class UnpackFormats : public UnpackTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(UnpackFormats, UnpacksTheProductStrippingItsTopDirectory) {
  archive = fixture.dir.path() / (std::string("product.") + GetParam());
  write_archive(archive, GetParam(), product_items());
  Value::Map outputs = run();
  EXPECT_EQ(read_text(to / "bin" / "wso2server.sh"), "#!/bin/sh\n");
  EXPECT_EQ(fs::status(to / "bin" / "wso2server.sh").permissions(), fs::perms(0755));
  EXPECT_EQ(read_text(to / "repository" / "conf" / "carbon.xml"), "<Server/>");
  EXPECT_EQ(fs::read_symlink(to / "lib" / "current"), "../bin");
  struct stat status {};
  ::stat((to / "README").c_str(), &status);
  EXPECT_EQ(status.st_mtim.tv_sec, 1'600'000'000);
  EXPECT_EQ(outputs.at("files"), Value(int64_t{4}));
  EXPECT_FALSE(fs::exists(to.parent_path() / ".new-home.planrun-unpack"));
}

INSTANTIATE_TEST_SUITE_P(Formats, UnpackFormats, ::testing::Values("zip", "tar", "tar.gz", "tar.xz", "tar.zst"),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::replace(name.begin(), name.end(), '.', '_');
                           return name;
                         });

TEST_F(UnpackTest, RefusesAnAbsolutePath) {
  refused({file_item("home/ok", "ok"), file_item((outside / "evil").string(), "x")}, (outside / "evil").string(),
          "would land outside the target (an absolute path or '..')");
}

TEST_F(UnpackTest, RefusesDotDotZipSlip) {
  refused({file_item("home/ok", "ok"), file_item("home/../../outside/evil", "x")}, "home/../../outside/evil",
          "would land outside the target (an absolute path or '..')");
}

TEST_F(UnpackTest, RefusesZipSlipInAZipToo) {
  fs::create_directories(outside);
  fs::create_directories(to.parent_path());
  archive = fixture.dir.path() / "product.zip";
  write_archive(archive, "zip", {file_item("home/../../../outside/evil", "x")});
  EXPECT_NE(std::string(failure_of().what()).find("would land outside the target"), std::string::npos);
  expect_nothing_written();
}

TEST_F(UnpackTest, RefusesASymlinkPointingOutside) {
  refused({symlink_item("home/escape", "../../outside")}, "home/escape",
          "is a symlink pointing outside the target ('../../outside')");
}

TEST_F(UnpackTest, RefusesAnAbsoluteSymlink) {
  refused({symlink_item("home/escape", outside.string())}, "home/escape",
          "is a symlink pointing outside the target ('" + outside.string() + "')");
}

TEST_F(UnpackTest, RefusesAHardLinkToOutside) {
  refused({hardlink_item("home/evil", "../../outside/evil")}, "home/evil",
          "is a hard link to outside the target ('../../outside/evil')");
}

TEST_F(UnpackTest, RefusesWritingThroughASymlinkOfTheArchive) {
  refused({symlink_item("home/lib", "."), file_item("home/lib/evil", "x")}, "home/lib/evil",
          "would be written through the symlink 'lib' of the archive");
}

// Each link looks harmless alone: x/y points at the root, and x/y/z one level above x/y; but
// through x/y, x/y/z is at the root, so it points outside.
TEST_F(UnpackTest, RefusesAChainOfSymlinksThatEscapes) {
  refused({symlink_item("home/x/y", ".."), symlink_item("home/x/y/z", ".."), file_item("home/x/y/z/evil", "x")},
          "home/x/y/z", "would be written through the symlink 'x/y' of the archive");
}

TEST_F(UnpackTest, RefusesReplacingASymlinkOfTheArchive) {
  refused({symlink_item("home/lib", "."), directory_item("home/lib/")}, "home/lib/",
          "would replace the symlink 'lib' of the archive");
}

TEST_F(UnpackTest, RefusesAFifo) {
  refused({{ArchiveItem::Type::Fifo, "home/pipe", "", "", 0644}}, "home/pipe",
          "is not a file, a directory or a link (a device, fifo or socket)");
}

TEST_F(UnpackTest, RefusesATargetThatHoldsAnotherInstallation) {
  write_archive(archive, "tar.gz", product_items());
  testing::write_file(to / "bin" / "wso2server.sh", "another");
  StepFailure failure = failure_of();
  EXPECT_EQ(failure.kind, Kind::Precondition);
  EXPECT_STREQ(failure.what(), ("to: '" + to.string() +
                                "' already holds files ('bin', ...): unpack only into an absent or empty directory, "
                                "so that another installation is never overwritten; remove it or choose another `to`")
                                   .c_str());
  EXPECT_EQ(read_text(to / "bin" / "wso2server.sh"), "another");
}

TEST_F(UnpackTest, UnpacksIntoAnEmptyDirectory) {
  write_archive(archive, "tar.gz", product_items());
  fs::create_directories(to);
  run();
  EXPECT_TRUE(fs::exists(to / "README"));
}

TEST_F(UnpackTest, AStagingDirectoryLeftByAKilledAttemptIsStartedOver) {
  write_archive(archive, "tar.gz", product_items());
  testing::write_file(to.parent_path() / ".new-home.planrun-unpack" / "half-written", "x");
  run();
  EXPECT_FALSE(fs::exists(to / "half-written"));
  EXPECT_TRUE(fs::exists(to / "README"));
}

TEST_F(UnpackTest, KilledBeforeTheRenameTheRerunFinishesIt) {
  write_archive(archive, "tar.gz", product_items());
  testing::write_file(to.parent_path() / ".new-home.planrun-unpack" / "README", "staged");
  fixture.checkpoints.put("staged", "4");
  Value::Map outputs = run();
  EXPECT_EQ(read_text(to / "README"), "staged");  // the staged tree is used, not unpacked again
  EXPECT_EQ(outputs.at("files"), Value(int64_t{4}));
}

TEST_F(UnpackTest, KilledAfterTheRenameTheRerunFindsItDone) {
  write_archive(archive, "tar.gz", product_items());
  run();
  StepContext again = context();
  again.checkpoints.put("staged", "4");
  UnpackStep().run(again);
  EXPECT_EQ(again.outputs.at("files"), Value(int64_t{4}));
}

TEST_F(UnpackTest, ACorruptArchiveFailsNamingIt) {
  testing::write_file(archive, std::string(1000, 'z'));
  StepFailure failure = failure_of();
  EXPECT_EQ(std::string(failure.what()).rfind("cannot read the archive '" + archive.string() + "'", 0), 0u)
      << failure.what();
  EXPECT_FALSE(fs::exists(to));
}

TEST_F(UnpackTest, DiscardingPartialWorkRemovesTheStagingDirectory) {
  testing::write_file(to.parent_path() / ".new-home.planrun-unpack" / "x", "x");
  StepContext discard_context = context();
  UnpackStep().discard_partial_work(discard_context);
  EXPECT_FALSE(fs::exists(to.parent_path() / ".new-home.planrun-unpack"));
}

}  // namespace
}  // namespace planrun
