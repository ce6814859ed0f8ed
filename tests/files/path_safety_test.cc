#include "interpreter/files/path_safety.h"

#include <gtest/gtest.h>

#include "interpreter/files/exclude_patterns.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(PathSafety, AbsolutePathsAndDotDotDoNotStayInside) {
  EXPECT_TRUE(stays_inside("a/b"));
  EXPECT_TRUE(stays_inside("./a/..b"));
  EXPECT_FALSE(stays_inside("/etc/passwd"));
  EXPECT_FALSE(stays_inside("a/../../b"));
  EXPECT_FALSE(stays_inside(".."));
  EXPECT_FALSE(stays_inside(""));
}

TEST(PathSafety, StripComponentsDropsLeadingOnesAndSkipsShortEntries) {
  EXPECT_EQ(strip_components("top/bin/x.sh", 1), "bin/x.sh");
  EXPECT_EQ(strip_components("./top/bin/", 1), "bin");
  EXPECT_EQ(strip_components("top/", 1), std::nullopt);
  EXPECT_EQ(strip_components("a/b", 0), "a/b");
}

TEST(PathSafety, SymlinkTargetsMustResolveInsideTheRoot) {
  EXPECT_TRUE(symlink_stays_inside("lib/current", "../bin"));
  EXPECT_TRUE(symlink_stays_inside("a", "b/c"));
  EXPECT_FALSE(symlink_stays_inside("lib/current", "../../etc"));
  EXPECT_FALSE(symlink_stays_inside("a", "/etc"));
  EXPECT_FALSE(symlink_stays_inside("a/b", "../x/../../y"));
}

TEST(PathSafety, SameOrBelow) {
  EXPECT_TRUE(is_same_or_below("/a/b", "/a/b"));
  EXPECT_TRUE(is_same_or_below("/a/b/c", "/a/b"));
  EXPECT_FALSE(is_same_or_below("/a/bc", "/a/b"));
  EXPECT_FALSE(is_same_or_below("/a", "/a/b"));
}

TEST(PathSafety, ProductConfigurationIsRepositoryConf) {
  EXPECT_EQ(product_configuration_in("/h/repository/conf"), std::filesystem::path("/h/repository/conf"));
  EXPECT_EQ(product_configuration_in("/h/repository/conf/datasources"), std::filesystem::path("/h/repository/conf"));
  EXPECT_EQ(product_configuration_in("/h/repository/deployment/server"), std::nullopt);
  EXPECT_EQ(product_configuration_in("/h/conf"), std::nullopt);
}

TEST(ExcludePatterns, NamesMatchAtAnyDepthPathsFromTheRoot) {
  ExcludePatterns patterns({"*.log", "/tmp", "logs/*.gz"});
  EXPECT_TRUE(patterns.excludes("a.log"));
  EXPECT_TRUE(patterns.excludes("deep/er/b.log"));
  EXPECT_TRUE(patterns.excludes("tmp"));
  EXPECT_FALSE(patterns.excludes("x/tmp"));
  EXPECT_TRUE(patterns.excludes("logs/old.gz"));
  EXPECT_FALSE(patterns.excludes("logs/deeper/old.gz"));
  EXPECT_FALSE(patterns.excludes("keep.txt"));
}

}  // namespace
}  // namespace planrun
