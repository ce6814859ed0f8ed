#include "interpreter/steps/copy_db/mysql_table_ddl.h"

#include <gtest/gtest.h>

#include "interpreter/databases/database_error.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

// SHOW CREATE TABLE's text for a Carbon-like table, as MariaDB 10.11 prints it.
const char* kUserAttribute =
    "CREATE TABLE `UM_USER_ATTRIBUTE` (\n"
    "  `UM_ID` int(11) NOT NULL AUTO_INCREMENT,\n"
    "  `UM_ATTR_NAME` varchar(255) NOT NULL,\n"
    "  `UM_ATTR_VALUE` varchar(1024) DEFAULT 'a, (b)',\n"
    "  `UM_USER_ID` int(11) DEFAULT NULL,\n"
    "  `UM_TENANT_ID` int(11) NOT NULL DEFAULT -1234,\n"
    "  PRIMARY KEY (`UM_ID`,`UM_TENANT_ID`),\n"
    "  UNIQUE KEY `UM_ATTR_NAME` (`UM_ATTR_NAME`,`UM_TENANT_ID`),\n"
    "  KEY `UM_USER_ID` (`UM_USER_ID`,`UM_TENANT_ID`),\n"
    "  CONSTRAINT `UM_USER_ATTRIBUTE_ibfk_1` FOREIGN KEY (`UM_USER_ID`, `UM_TENANT_ID`) REFERENCES `UM_USER` (`UM_ID`, `UM_TENANT_ID`) ON DELETE CASCADE,\n"
    "  CONSTRAINT `positive` CHECK (`UM_ID` > 0)\n"
    ") ENGINE=InnoDB AUTO_INCREMENT=1501 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='AUTO_INCREMENT=7'";

TEST(MysqlTableDdl, SplitsColumnsLoadKeysLaterKeysAndForeignKeys) {
  MysqlTableDdl ddl = parse_mysql_table_ddl("UM_USER_ATTRIBUTE", kUserAttribute);
  EXPECT_EQ(ddl.head, "CREATE TABLE `UM_USER_ATTRIBUTE` (");
  ASSERT_EQ(ddl.columns.size(), 5u);
  EXPECT_EQ(ddl.columns[2], "`UM_ATTR_VALUE` varchar(1024) DEFAULT 'a, (b)'");
  EXPECT_EQ(ddl.load_keys, (std::vector<std::string>{"PRIMARY KEY (`UM_ID`,`UM_TENANT_ID`)",
                                                     "CONSTRAINT `positive` CHECK (`UM_ID` > 0)"}));
  EXPECT_EQ(ddl.later_keys, (std::vector<std::string>{"UNIQUE KEY `UM_ATTR_NAME` (`UM_ATTR_NAME`,`UM_TENANT_ID`)",
                                                      "KEY `UM_USER_ID` (`UM_USER_ID`,`UM_TENANT_ID`)"}));
  ASSERT_EQ(ddl.foreign_keys.size(), 1u);
  EXPECT_TRUE(ddl.foreign_keys[0].ends_with("ON DELETE CASCADE"));
  EXPECT_EQ(ddl.auto_increment, 1501u);
}

TEST(MysqlTableDdl, CreateForLoadingHasNoSecondaryIndexOrForeignKey) {
  MysqlTableDdl ddl = parse_mysql_table_ddl("UM_USER_ATTRIBUTE", kUserAttribute);
  std::string create = ddl.create_for_loading();
  EXPECT_TRUE(create.starts_with("CREATE TABLE `UM_USER_ATTRIBUTE` (\n  `UM_ID` int(11) NOT NULL AUTO_INCREMENT,\n"));
  EXPECT_NE(create.find("  PRIMARY KEY (`UM_ID`,`UM_TENANT_ID`),\n  CONSTRAINT `positive`"), std::string::npos);
  EXPECT_EQ(create.find("UNIQUE KEY"), std::string::npos);
  EXPECT_EQ(create.find("FOREIGN KEY"), std::string::npos);
  EXPECT_TRUE(create.ends_with("\n) ENGINE=InnoDB AUTO_INCREMENT=1501 DEFAULT CHARSET=utf8mb4 "
                               "COLLATE=utf8mb4_general_ci COMMENT='AUTO_INCREMENT=7'"));
}

// InnoDB refuses an AUTO_INCREMENT column that no key starts with.
TEST(MysqlTableDdl, KeepsTheIndexAnAutoIncrementColumnNeedsWhenThePrimaryKeyDoesNotStartWithIt) {
  MysqlTableDdl ddl = parse_mysql_table_ddl("t",
                                            "CREATE TABLE `t` (\n"
                                            "  `k` int(11) NOT NULL,\n"
                                            "  `id` int(11) NOT NULL AUTO_INCREMENT,\n"
                                            "  PRIMARY KEY (`k`,`id`),\n"
                                            "  KEY `by_k` (`k`),\n"
                                            "  KEY `id` (`id`),\n"
                                            "  KEY `id_again` (`id`,`k`)\n"
                                            ") ENGINE=InnoDB");
  EXPECT_EQ(ddl.load_keys, (std::vector<std::string>{"PRIMARY KEY (`k`,`id`)", "KEY `id` (`id`)"}));
  EXPECT_EQ(ddl.later_keys, (std::vector<std::string>{"KEY `by_k` (`k`)", "KEY `id_again` (`id`,`k`)"}));
  EXPECT_EQ(ddl.auto_increment, std::nullopt);
}

TEST(MysqlTableDdl, IdentifiersWithCommasParenthesesAndBackticksStayWhole) {
  MysqlTableDdl ddl = parse_mysql_table_ddl("a, (b) `c`",
                                            "CREATE TABLE `a, (b) ``c``` (\n"
                                            "  `x, y` int(11) NOT NULL,\n"
                                            "  `(``z``)` varchar(3) DEFAULT ')'',\\'',\n"
                                            "  PRIMARY KEY (`x, y`),\n"
                                            "  KEY `k, (1)` (`(``z``)`)\n"
                                            ") ENGINE=InnoDB");
  EXPECT_EQ(ddl.head, "CREATE TABLE `a, (b) ``c``` (");
  EXPECT_EQ(ddl.columns, (std::vector<std::string>{"`x, y` int(11) NOT NULL", "`(``z``)` varchar(3) DEFAULT ')'',\\''"}));
  EXPECT_EQ(ddl.later_keys, (std::vector<std::string>{"KEY `k, (1)` (`(``z``)`)"}));
}

TEST(MysqlTableDdl, TextThatIsNotACreateTableIsAnErrorNamingTheTable) {
  try {
    parse_mysql_table_ddl("REG_LOG", "CREATE VIEW `REG_LOG` AS select 1");
    FAIL() << "parsed";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(std::string(error.what()), "copy-db cannot read the definition of table `REG_LOG`: CREATE VIEW `REG_LOG` AS select 1");
  }
}

}  // namespace
}  // namespace planrun
