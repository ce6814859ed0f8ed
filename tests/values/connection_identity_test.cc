#include "interpreter/values/connection_identity.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

ConnectionIdentity identity(const std::string& text) {
  std::string error;
  auto dsn = parse_dsn(text, &error);
  EXPECT_TRUE(dsn) << error;
  return ConnectionIdentity::of(dsn.value_or(Dsn{}));
}

TEST(ConnectionIdentity, DsnAndItsJdbcFormNameTheSameDatabase) {
  EXPECT_TRUE(identity("postgresql://carbon@db.example.com:5432/wso2")
                  .same_database(identity("jdbc:postgresql://db.example.com:5432/wso2")));
  EXPECT_EQ(identity("mysql://carbon@db:3306/wso2"), identity("jdbc:mysql://carbon@db:3306/wso2"));
  EXPECT_EQ(identity("mariadb://carbon@db/wso2"), identity("mysql://carbon@db:3306/wso2"));
}

TEST(ConnectionIdentity, OmittedPortIsTheBackendDefault) {
  EXPECT_EQ(identity("postgresql://u@h/db"), identity("postgresql://u@h:5432/db"));
  EXPECT_NE(identity("postgresql://u@h/db"), identity("postgresql://u@h:5433/db"));
}

TEST(ConnectionIdentity, HostNamesCompareWithoutCase) {
  EXPECT_EQ(identity("postgresql://u@DB.Example.com/db"), identity("postgresql://u@db.example.com/db"));
}

TEST(ConnectionIdentity, UserDatabaseAndKindTellAccountsApart) {
  EXPECT_NE(identity("postgresql://a@h/db"), identity("postgresql://b@h/db"));
  EXPECT_NE(identity("postgresql://a@h/db"), identity("postgresql://a@h/other"));
  EXPECT_FALSE(identity("postgresql://a@h:3306/db").same_database(identity("mysql://a@h:3306/db")));
}

}  // namespace
}  // namespace planrun
