#include "interpreter/databases/soci_connect_string.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "interpreter/databases/database_error.h"
#include "tests/support/parsed_dsn.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

Dsn dsn(const std::string& text) { return testing::parsed_dsn(text); }

TEST(SociConnectString, PostgresqlQuotesEveryValue) {
  auto text = SociConnectString::of(dsn("postgresql://carbon@db:5433/wso2"), Credential{"carbon", "a b'c\\d"}, {}).text;
  EXPECT_EQ(text,
            "host='db' port='5433' dbname='wso2' user='carbon' password='a b\\'c\\\\d' connect_timeout='10' "
            "application_name='planrun'");
}

TEST(SociConnectString, PostgresqlReadOnlySetsTheSessionDefault) {
  auto text = SociConnectString::of(dsn("postgresql://carbon@db/wso2"), std::nullopt, {.read_only = true}).text;
  EXPECT_EQ(text,
            "host='db' dbname='wso2' user='carbon' connect_timeout='10' application_name='planrun' "
            "options='-c default_transaction_read_only=on'");
}

TEST(SociConnectString, UserComesFromTheCredentialWhenTheDsnHasNone) {
  auto text = SociConnectString::of(dsn("jdbc:mysql://db:3306/wso2"), Credential{"carbon", "pw"}, {}).text;
  EXPECT_EQ(text, "host='db' port='3306' db='wso2' user='carbon' password='pw' connect_timeout='10'");
}

TEST(SociConnectString, SqliteReadOnlyOpensTheFileReadOnlyAndImmutableWithoutAWriter) {
  std::string absolute = (std::filesystem::current_path() / "data/my db.sqlite").string();
  EXPECT_EQ(SociConnectString::of(dsn("sqlite:data/my db.sqlite"), std::nullopt, {.read_only = true}).text,
            "db=\"file:" + absolute + "?mode=ro&immutable=1\" timeout=10 readonly=1");
  EXPECT_EQ(SociConnectString::of(dsn("sqlite:a.db"), std::nullopt, {}).text, "db=\"a.db\" timeout=10");
}

TEST(SociConnectString, SqliteFileNameWithAQuoteIsRefused) {
  EXPECT_THROW(SociConnectString::of(dsn("sqlite:a\"b.db"), std::nullopt, {}), DatabaseError);
}

}  // namespace
}  // namespace planrun
