// config-review's properties comparison: key by key, as Java reads the files.

#include "interpreter/steps/config_review/properties_review.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Lines = std::vector<std::string>;

Lines differences(const std::string& fresh, const std::string& old, bool all_secret = false) {
  Lines lines;
  for (const SettingDifference& difference : properties_differences(fresh, old, all_secret))
    lines.push_back(review_line("log4j.properties", difference));
  return lines;
}

TEST(PropertiesReview, KeysAreComparedAsJavaReadsThem) {
  std::string fresh = "# the pack's\nlog4j.rootLogger=INFO, CARBON_CONSOLE\nlog4j.appender.A=x\nnew.key = 1\n";
  std::string old = "! the operator's\nlog4j.rootLogger : DEBUG, CARBON_CONSOLE\nlog4j.appender.A   x\nold.key=2\n";
  EXPECT_EQ(differences(fresh, old),
            (Lines{"changed: log4j.properties log4j.rootLogger: INFO, CARBON_CONSOLE (new pack) -> DEBUG, CARBON_CONSOLE (old home)",
                   "only in new: log4j.properties new.key: 1", "only in old: log4j.properties old.key: 2"}));
}

TEST(PropertiesReview, ContinuationLinesAndEscapesAreNoDifference) {
  EXPECT_EQ(differences("list = a, b, c\nport=9443\nname=caf\\u00e9\n", "list = a, \\\n       b, \\\n       c\nport=9443\nname=café\n"),
            Lines{});
  EXPECT_EQ(differences("list = a, b\n", "list = a, \\\n  c\n"),
            Lines{"changed: log4j.properties list: a, b (new pack) -> a, c (old home)"});
}

TEST(PropertiesReview, TheLastDefinitionOfAKeyCounts) {
  EXPECT_EQ(differences("k=1\nk=2\n", "k=2\n"), Lines{});
}

TEST(PropertiesReview, PasswordsAreShownAsStars) {
  EXPECT_EQ(differences("Carbon.Security.KeyStore.Password=wso2carbon\nkeystore.PASSWORD=a\n",
                        "Carbon.Security.KeyStore.Password=secret\nkeystore.PASSWORD=b\nadmin.password=c\n"),
            (Lines{"changed: log4j.properties Carbon.Security.KeyStore.Password: *** (new pack) -> *** (old home)",
                   "changed: log4j.properties keystore.PASSWORD: *** (new pack) -> *** (old home)",
                   "only in old: log4j.properties admin.password: ***"}));
  EXPECT_EQ(differences("alias=cipher1\n", "alias=cipher2\n", true),
            Lines{"changed: log4j.properties alias: *** (new pack) -> *** (old home)"});
}

TEST(PropertiesReview, ValuesStayOnOneLineAndLongOnesAreCut) {
  EXPECT_EQ(differences("k=a\\nb\n", "k=\n"), Lines{"changed: log4j.properties k: a\\nb (new pack) -> \"\" (old home)"});
  std::string lines = differences("k=" + std::string(250, 'x') + "\n", "k=y\n").at(0);
  EXPECT_NE(lines.find(std::string(200, 'x') + "... (250 characters) (new pack)"), std::string::npos) << lines;
}

}  // namespace
}  // namespace planrun
