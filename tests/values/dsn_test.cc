#include <gtest/gtest.h>

#include "interpreter/values/dsn.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

Dsn parsed(std::string_view text) {
  std::string error;
  auto dsn = parse_dsn(text, &error);
  EXPECT_TRUE(dsn) << text << ": " << error;
  return dsn.value_or(Dsn{});
}

std::string rejection(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parse_dsn(text, &error)) << "accepted: " << text;
  return error;
}

TEST(DsnParse, SqliteRelativeAndAbsolute) {
  Dsn relative = parsed("sqlite:data/wso2.db");
  EXPECT_EQ(relative.kind, Dsn::Kind::Sqlite);
  EXPECT_EQ(relative.path, "data/wso2.db");
  EXPECT_EQ(parsed("sqlite:/var/lib/wso2.db").path, "/var/lib/wso2.db");
  EXPECT_EQ(parsed("sqlite:///var/lib/wso2.db").path, "/var/lib/wso2.db");
  EXPECT_EQ(parsed("jdbc:sqlite:repository/database/WSO2CARBON_DB.db").path, "repository/database/WSO2CARBON_DB.db");
}

TEST(DsnParse, SqliteKeepsItsQuery) {
  Dsn dsn = parsed("sqlite:wso2.db?mode=ro");
  EXPECT_EQ(dsn.path, "wso2.db");
  EXPECT_EQ(dsn.query, "?mode=ro");
  EXPECT_EQ(dsn.to_string(), "sqlite:wso2.db?mode=ro");
}

TEST(DsnParse, Postgresql) {
  Dsn dsn = parsed("postgresql://carbon@db.internal:5433/apim");
  EXPECT_EQ(dsn.kind, Dsn::Kind::Postgresql);
  EXPECT_EQ(dsn.user, "carbon");
  EXPECT_EQ(dsn.host, "db.internal");
  EXPECT_EQ(dsn.port, 5433);
  EXPECT_EQ(dsn.database, "apim");
  EXPECT_EQ(dsn.query, "");
}

TEST(DsnParse, PostgresAliasWithoutUserOrPort) {
  Dsn dsn = parsed("postgres://localhost/apim");
  EXPECT_EQ(dsn.kind, Dsn::Kind::Postgresql);
  EXPECT_EQ(dsn.user, "");
  EXPECT_EQ(dsn.port, 0);
  EXPECT_EQ(dsn.to_string(), "postgresql://localhost/apim");
}

TEST(DsnParse, MysqlAndMariadbAreOneKind) {
  EXPECT_EQ(parsed("mysql://root@127.0.0.1:3306/carbon").kind, Dsn::Kind::Mysql);
  Dsn maria = parsed("mariadb://wso2@maria:3307/reg");
  EXPECT_EQ(maria.kind, Dsn::Kind::Mysql);
  EXPECT_EQ(maria.port, 3307);
  EXPECT_EQ(maria.to_string(), "mysql://wso2@maria:3307/reg");
}

TEST(DsnParse, JdbcForms) {
  Dsn pg = parsed("jdbc:postgresql://pg:5432/carbon?ssl=true&sslmode=require");
  EXPECT_EQ(pg.kind, Dsn::Kind::Postgresql);
  EXPECT_EQ(pg.host, "pg");
  EXPECT_EQ(pg.database, "carbon");
  EXPECT_EQ(pg.query, "?ssl=true&sslmode=require");
  Dsn my = parsed("jdbc:mysql://mysql:3306/WSO2_CARBON_DB?useSSL=false");
  EXPECT_EQ(my.kind, Dsn::Kind::Mysql);
  EXPECT_EQ(my.database, "WSO2_CARBON_DB");
  EXPECT_EQ(my.query, "?useSSL=false");
  EXPECT_EQ(parsed("jdbc:mariadb://maria/reg").kind, Dsn::Kind::Mysql);
}

TEST(DsnParse, Ipv6Hosts) {
  Dsn dsn = parsed("postgresql://app@[::1]:5432/db");
  EXPECT_EQ(dsn.host, "::1");
  EXPECT_EQ(dsn.port, 5432);
  EXPECT_EQ(dsn.to_string(), "postgresql://app@[::1]:5432/db");
  EXPECT_EQ(parsed("mysql://[fe80::2]/db").jdbc_url(), "jdbc:mysql://[fe80::2]/db");
}

TEST(DsnParse, ToStringRoundTrips) {
  for (std::string text : {"sqlite:a.db", "sqlite:/abs/a.db", "postgresql://u@h:1/d", "postgresql://h/d?x=1",
                           "mysql://u@h:3306/d", "mysql://h/d"}) {
    EXPECT_EQ(parsed(text).to_string(), text);
    EXPECT_EQ(parsed(parsed(text).to_string()).to_string(), text);
  }
}

TEST(DsnParse, JdbcUrls) {
  EXPECT_EQ(parsed("postgresql://carbon@pg:5432/apim").jdbc_url(), "jdbc:postgresql://pg:5432/apim");
  EXPECT_EQ(parsed("postgres://pg/apim").jdbc_url(), "jdbc:postgresql://pg/apim");
  EXPECT_EQ(parsed("mariadb://u@m:3306/reg?useSSL=false").jdbc_url(), "jdbc:mysql://m:3306/reg?useSSL=false");
  EXPECT_EQ(parsed("sqlite:///opt/wso2/carbon.db").jdbc_url(), "jdbc:sqlite:/opt/wso2/carbon.db");
  EXPECT_EQ(parsed("sqlite:rel/carbon.db").jdbc_url(), "jdbc:sqlite:rel/carbon.db");
  std::string jdbc = "jdbc:mysql://mysql:3306/WSO2_CARBON_DB?useSSL=false";
  EXPECT_EQ(parsed(jdbc).jdbc_url(), jdbc);
}

TEST(DsnParse, KindNames) {
  EXPECT_EQ(kind_name(Dsn::Kind::Sqlite), "sqlite");
  EXPECT_EQ(kind_name(Dsn::Kind::Postgresql), "postgresql");
  EXPECT_EQ(kind_name(Dsn::Kind::Mysql), "mysql");
}

TEST(DsnErrors, PasswordIsRejectedWithoutBeingShown) {
  std::string error = rejection("postgresql://carbon:s3cr3t@db:5432/apim");
  EXPECT_EQ(error, "DSN 'postgresql://carbon:***@db:5432/apim': a password is not allowed in a DSN; passwords come "
                   "from a `secret` param");
  EXPECT_EQ(error.find("s3cr3t"), std::string::npos);
  EXPECT_EQ(rejection("jdbc:mysql://root:pw@h/db").find("pw@"), std::string::npos);
}

TEST(DsnErrors, PasswordInTheQueryIsRejectedWithoutBeingShown) {
  EXPECT_EQ(rejection("postgresql://u@h/db?password=s3cr3t"),
            "DSN 'postgresql://u@h/db?password=***': a password is not allowed in a DSN (query parameter "
            "'password'); passwords come from a `secret` param");
  EXPECT_EQ(rejection("jdbc:mysql://h/db?user=u&password=s3cr3t&useSSL=true"),
            "DSN 'jdbc:mysql://h/db?user=u&password=***&useSSL=true': a password is not allowed in a DSN (query "
            "parameter 'password'); passwords come from a `secret` param");
  EXPECT_EQ(rejection("mysql://h/db?PWD=s3cr3t"),
            "DSN 'mysql://h/db?PWD=***': a password is not allowed in a DSN (query parameter 'PWD'); passwords "
            "come from a `secret` param");
  EXPECT_EQ(rejection("jdbc:postgresql://h/db?sslpassword=s3cr3t").find("s3cr3t"), std::string::npos);
}

TEST(DsnErrors, OtherQueryParametersAreKept) {
  Dsn dsn = parsed("jdbc:mysql://h/db?user=u&useSSL=true&passwordCharacterEncoding=UTF-8");
  EXPECT_EQ(dsn.query, "?user=u&useSSL=true&passwordCharacterEncoding=UTF-8");
}

TEST(DsnErrors, PasswordsOfUnknownKindsAreMaskedToo) {
  std::string error = rejection("jdbc:sqlserver://h:1433;user=sa;password=s3cr3t;databaseName=carbon");
  EXPECT_EQ(error.find("s3cr3t"), std::string::npos) << error;
  EXPECT_NE(error.find(";password=***;databaseName=carbon"), std::string::npos) << error;
}

TEST(DsnErrors, PasswordIsMaskedInOtherErrorsToo) {
  std::string error = rejection("oracle://scott:tiger@h/orcl");
  EXPECT_EQ(error.find("tiger"), std::string::npos);
  EXPECT_NE(error.find("Oracle databases are not supported yet"), std::string::npos) << error;
}

TEST(DsnErrors, MissingDatabase) {
  EXPECT_EQ(rejection("postgresql://u@h:5432"), "DSN 'postgresql://u@h:5432': no database name after the host");
  EXPECT_EQ(rejection("mysql://h/"), "DSN 'mysql://h/': no database name after the host");
  EXPECT_EQ(rejection("mysql://h/?useSSL=false"), "DSN 'mysql://h/?useSSL=false': no database name after the host");
  EXPECT_EQ(rejection("sqlite:"), "DSN 'sqlite:': no database file after 'sqlite:'");
}

TEST(DsnErrors, BadPort) {
  EXPECT_EQ(rejection("postgresql://h:abc/d"), "DSN 'postgresql://h:abc/d': bad port 'abc', expected a number from 1 to 65535");
  EXPECT_EQ(rejection("postgresql://h:0/d"), "DSN 'postgresql://h:0/d': bad port '0', expected a number from 1 to 65535");
  EXPECT_EQ(rejection("mysql://h:70000/d"), "DSN 'mysql://h:70000/d': bad port '70000', expected a number from 1 to 65535");
  EXPECT_EQ(rejection("mysql://h:/d"), "DSN 'mysql://h:/d': bad port '', expected a number from 1 to 65535");
  EXPECT_EQ(rejection("mysql://h:-1/d"), "DSN 'mysql://h:-1/d': bad port '-1', expected a number from 1 to 65535");
}

TEST(DsnErrors, MissingHost) {
  EXPECT_EQ(rejection("postgresql:///apim"), "DSN 'postgresql:///apim': no host");
  EXPECT_EQ(rejection("mysql://u@:3306/d"), "DSN 'mysql://u@:3306/d': no host");
  EXPECT_EQ(rejection("mysql://[::1/d"), "DSN 'mysql://[::1/d': '[' without ']' around the host");
}

TEST(DsnErrors, OracleSqlServerAndDb2AreRecognisedAndRefusedNamingWhatIsSupported) {
  std::string supported = " databases are not supported yet: planrun supports SQLite, PostgreSQL and MySQL/MariaDB; "
                          "expected sqlite:path, postgresql://user@host:port/db, mysql://user@host:port/db "
                          "(or mariadb://, postgres://) or their jdbc: forms, or jdbc:h2:path (an embedded H2 database)";
  EXPECT_EQ(rejection("jdbc:oracle:thin:@h:1521:orcl"), "DSN 'jdbc:oracle:thin:@h:1521:orcl': Oracle" + supported);
  EXPECT_EQ(rejection("oracle://h/db"), "DSN 'oracle://h/db': Oracle" + supported);
  EXPECT_EQ(rejection("jdbc:sqlserver://h:1433;databaseName=carbon"),
            "DSN 'jdbc:sqlserver://h:1433;databaseName=carbon': SQL Server" + supported);
  EXPECT_EQ(rejection("jdbc:db2://h:50000/carbon"), "DSN 'jdbc:db2://h:50000/carbon': DB2" + supported);
}

// Carbon's embedded default: the database's path, its options kept as written.
TEST(Dsn, AnEmbeddedH2DatabaseIsItsPath) {
  std::string error;
  std::optional<Dsn> dsn = parse_dsn("jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE", &error);
  ASSERT_TRUE(dsn) << error;
  EXPECT_EQ(dsn->kind, Dsn::Kind::H2);
  EXPECT_EQ(dsn->path, "./repository/database/WSO2CARBON_DB");
  EXPECT_EQ(dsn->query, ";DB_CLOSE_ON_EXIT=FALSE");
  EXPECT_EQ(dsn->to_string(), "jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE");
  EXPECT_EQ(dsn->jdbc_url(), dsn->to_string());
  EXPECT_EQ(parse_dsn("jdbc:h2:file:/srv/carbon/db", &error)->path, "/srv/carbon/db");
  EXPECT_EQ(parse_dsn("h2:/srv/carbon/db", &error)->path, "/srv/carbon/db");
}

TEST(DsnErrors, H2ServerAndMemoryModesAndPasswordsAreRefused) {
  EXPECT_EQ(rejection("jdbc:h2:tcp://localhost/~/test"),
            "DSN 'jdbc:h2:tcp://localhost/~/test': H2 in 'tcp:' mode is not supported: planrun handles an "
            "embedded H2 database (jdbc:h2:path) as its files, with the server stopped");
  EXPECT_NE(rejection("jdbc:h2:mem:test").find("H2 in 'mem:' mode is not supported"), std::string::npos);
  EXPECT_EQ(rejection("jdbc:h2:./db;USER=sa;PASSWORD=secret"),
            "DSN 'jdbc:h2:./db;USER=sa;PASSWORD=***': a password is not allowed in a DSN (option 'PASSWORD'); "
            "passwords come from a `secret` param");
}

TEST(DsnErrors, UnknownScheme) {
  std::string expected = "; expected sqlite:path, postgresql://user@host:port/db, mysql://user@host:port/db "
                         "(or mariadb://, postgres://) or their jdbc: forms, or jdbc:h2:path (an embedded H2 database)";
  EXPECT_EQ(rejection("informix://h/db"), "DSN 'informix://h/db': unknown database kind 'informix'" + expected);
  EXPECT_EQ(rejection("jdbc:derby://h/db"), "DSN 'jdbc:derby://h/db': unknown database kind 'jdbc:derby'" + expected);
  EXPECT_EQ(rejection("carbon.db"), "DSN 'carbon.db': not a DSN" + expected);
  EXPECT_EQ(rejection(""), "DSN '': not a DSN" + expected);
}

TEST(DsnErrors, SqliteWithAHost) {
  EXPECT_EQ(rejection("sqlite://host/db"),
            "DSN 'sqlite://host/db': sqlite takes a file, sqlite:relative/path.db or sqlite:///absolute/path.db, not a host");
}

TEST(DsnErrors, SlashInDatabaseName) {
  EXPECT_EQ(rejection("postgresql://h/a/b"), "DSN 'postgresql://h/a/b': '/' in the database name 'a/b'");
}

TEST(DsnErrors, NullErrorPointerIsAllowed) { EXPECT_FALSE(parse_dsn("nope", nullptr)); }

}  // namespace
}  // namespace planrun
