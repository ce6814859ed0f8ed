#include "interpreter/steps/update_config/unified_diff.h"

#include <gtest/gtest.h>

#include "interpreter/steps/update_config/text_edit.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

std::vector<std::string> diff_of(std::string_view before, std::vector<TextEdit> edits) {
  std::string after = apply_edits(before, edits);
  RedactedTexts shown = redacted_texts(before, edits);
  return unified_diff({before, after, shown.before, shown.after}, "f.xml");
}

TEST(UnifiedDiff, HunksHaveThreeLinesOfContext) {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  EXPECT_EQ(diff_of(before, {{8, 1, "X", false, "5"}}),
            (std::vector<std::string>{"--- f.xml", "+++ f.xml (planned)", "@@ -2,7 +2,7 @@", " 2", " 3", " 4", "-5", "+X",
                                      " 6", " 7", " 8"}));
}

TEST(UnifiedDiff, FarApartChangesMakeTwoHunks) {
  std::string before;
  for (int i = 1; i <= 20; ++i) before += std::to_string(i) + "\n";
  std::vector<std::string> diff = diff_of(before, {{0, 1, "A", false, "1"}, {before.find("20"), 2, "B", false, "20"}});
  EXPECT_EQ(diff[2], "@@ -1,4 +1,4 @@");
  EXPECT_EQ(diff[8], "@@ -17,4 +17,4 @@");
}

TEST(UnifiedDiff, SecretsAreStarsOnBothSidesButTheLineStillShowsAsChanged) {
  std::string before = "<password>old</password>\n";
  EXPECT_EQ(diff_of(before, {{10, 3, "new\nsecret", true, "//password"}}),
            (std::vector<std::string>{"--- f.xml", "+++ f.xml (planned)", "@@ -1 +1,2 @@", "-<password>***</password>",
                                      "+<password>***", "+***</password>"}));
}

TEST(UnifiedDiff, NothingChangedIsNoDiff) { EXPECT_TRUE(diff_of("a\n", {{0, 1, "a", false, "x"}}).empty()); }

TEST(UnifiedDiff, AMissingNewlineAtTheEndIsSaid) {
  EXPECT_EQ(diff_of("a", {{0, 1, "b", false, "x"}}),
            (std::vector<std::string>{"--- f.xml", "+++ f.xml (planned)", "@@ -1 +1 @@", "-a", "\\ No newline at end of file",
                                      "+b", "\\ No newline at end of file"}));
}

TEST(TextEdit, OverlappingChangesAreAnErrorNamingBoth) {
  try {
    apply_edits("abcdef", {{0, 3, "x", false, "first"}, {2, 2, "y", false, "second"}});
    FAIL();
  } catch (const ConfigEditError& error) {
    EXPECT_STREQ(error.what(), "'first' and 'second' change overlapping text at 1:3");
  }
}

}  // namespace
}  // namespace planrun
