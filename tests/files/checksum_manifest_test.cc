#include "interpreter/files/checksum_manifest.h"

#include <gtest/gtest.h>

#include <fstream>

#include "interpreter/files/sha256_hasher.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const std::string empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

TEST(Sha256Hasher, GivesTheStandardDigestsFedWholeOrInPieces) {
  EXPECT_EQ(sha256_of("abc"), abc);
  EXPECT_EQ(sha256_of(""), empty);
  Sha256Hasher hasher;
  hasher.update("a");
  hasher.update("bc");
  EXPECT_EQ(hasher.hex_digest(), abc);
  EXPECT_EQ(hasher.hex_digest(), empty);  // starts over
}

TEST(Sha256Hasher, HashesAFileAsSha256sumDoes) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "f") << "abc";
  EXPECT_EQ(sha256_of_file(dir.path() / "f"), abc);
  EXPECT_THROW(sha256_of_file(dir.path() / "absent"), std::system_error);
}

TEST(ChecksumManifest, WritesSha256sumLinesSortedByPath) {
  ChecksumManifest manifest;
  manifest.add("b/c.txt", abc);
  manifest.add("a b.txt", empty);
  EXPECT_EQ(manifest.text(), empty + "  a b.txt\n" + abc + "  b/c.txt\n");
}

TEST(ChecksumManifest, EscapesBackslashesAndNewlinesInNamesAsGnuSha256sumDoes) {
  ChecksumManifest manifest;
  manifest.add("a\\b\nc", abc);
  EXPECT_EQ(manifest.text(), "\\" + abc + "  a\\\\b\\nc\n");
  EXPECT_EQ(ChecksumManifest::parse(manifest.text(), "m"), manifest);
}

TEST(ChecksumManifest, ReadsWhatItWrites) {
  ChecksumManifest manifest;
  manifest.add("x/y", abc);
  manifest.add("z", empty);
  ChecksumManifest read = ChecksumManifest::parse(manifest.text(), "m");
  EXPECT_EQ(read, manifest);
  ASSERT_NE(read.find("z"), nullptr);
  EXPECT_EQ(*read.find("z"), empty);
  EXPECT_EQ(read.find("absent"), nullptr);
}

TEST(ChecksumManifest, NamesTheLineThatIsNotAChecksumLine) {
  try {
    ChecksumManifest::parse(abc + "  good\n" + abc + " one-space\n", "backup/SHA256SUMS");
    FAIL() << "parsed";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(),
                 "backup/SHA256SUMS:2: not a sha256sum line (64 lower-case hex digits, two spaces, a path)");
  }
}

TEST(ChecksumManifest, CheckFilesNamesEachMissingOrDifferingFile) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "same") << "abc";
  std::ofstream(dir.path() / "changed") << "abd";
  ChecksumManifest manifest({{"same", abc}, {"changed", abc}, {"gone", abc}});
  EXPECT_EQ(check_files(dir.path(), manifest),
            (std::vector<std::string>{"changed: checksum differs", "gone: missing"}));
}

}  // namespace
}  // namespace planrun
