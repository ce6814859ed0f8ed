#pragma once

// A Carbon-like SQLite database with the values copies get wrong: UM_* and REG_* shapes
// (composite keys with a tenant id, the super tenant -1234, a table without a primary key and
// with duplicate rows, BLOBs with zero bytes, AUTOINCREMENT, a WITHOUT ROWID table, an index,
// a trigger and a view, identifiers that need quoting), and values of every storage class:
// empty vs NULL, quotes, backslashes, tabs, newlines, the two characters \N, non-ASCII text,
// extreme integers, -0.0, the largest double, 1 vs 1.0 vs '1'.

#include <filesystem>
#include <string>

namespace planrun::testing {

inline const char* carbon_like_sqlite_schema() {
  return R"sql(
CREATE TABLE UM_TENANT (UM_ID INTEGER PRIMARY KEY AUTOINCREMENT, UM_DOMAIN_NAME VARCHAR(255) NOT NULL,
  UM_EMAIL VARCHAR(255), UM_ACTIVE BOOLEAN DEFAULT 0, UM_CREATED_DATE TIMESTAMP NOT NULL,
  UM_USER_CONFIG BLOB, UNIQUE(UM_DOMAIN_NAME));
CREATE TABLE UM_USER (UM_ID INTEGER, UM_USER_NAME VARCHAR(255) NOT NULL, UM_USER_PASSWORD VARCHAR(255) NOT NULL,
  UM_SALT_VALUE VARCHAR(31), UM_REQUIRE_CHANGE BOOLEAN DEFAULT 0, UM_CHANGED_TIME TIMESTAMP NOT NULL,
  UM_TENANT_ID INTEGER DEFAULT 0, PRIMARY KEY (UM_ID, UM_TENANT_ID), UNIQUE(UM_USER_NAME, UM_TENANT_ID));
CREATE TABLE UM_USER_ATTRIBUTE (UM_ID INTEGER PRIMARY KEY AUTOINCREMENT, UM_ATTR_NAME VARCHAR(255) NOT NULL,
  UM_ATTR_VALUE VARCHAR(1024), UM_PROFILE_ID VARCHAR(255), UM_USER_ID INTEGER, UM_TENANT_ID INTEGER DEFAULT 0,
  FOREIGN KEY (UM_USER_ID, UM_TENANT_ID) REFERENCES UM_USER(UM_ID, UM_TENANT_ID) ON DELETE CASCADE);
CREATE INDEX UM_ATTR_NAME_VALUE_INDEX ON UM_USER_ATTRIBUTE(UM_ATTR_NAME, UM_ATTR_VALUE);
CREATE TABLE REG_PATH (REG_PATH_ID INTEGER, REG_PATH_VALUE VARCHAR(895) NOT NULL, REG_PATH_PARENT_ID INTEGER,
  REG_TENANT_ID INTEGER DEFAULT 0, PRIMARY KEY (REG_PATH_ID, REG_TENANT_ID)) WITHOUT ROWID;
CREATE TABLE REG_CONTENT (REG_CONTENT_ID INTEGER, REG_CONTENT_DATA BLOB, REG_TENANT_ID INTEGER DEFAULT 0,
  PRIMARY KEY (REG_CONTENT_ID, REG_TENANT_ID));
CREATE TABLE REG_LOG (REG_LOG_ID INTEGER, REG_PATH VARCHAR(2000), REG_ACTION INTEGER NOT NULL,
  REG_ACTION_DATA VARCHAR(500), REG_LOGGED_TIME TIMESTAMP NOT NULL, REG_TENANT_ID INTEGER DEFAULT 0);
CREATE TABLE "odd ""name"" table" ("select" TEXT, "x y" REAL, "ünï" ANY);
CREATE TRIGGER REG_LOG_STAMP AFTER INSERT ON REG_LOG BEGIN SELECT 1; END;
CREATE VIEW UM_ACTIVE_TENANT AS SELECT UM_ID, UM_DOMAIN_NAME FROM UM_TENANT WHERE UM_ACTIVE = 1;
)sql";
}

// Hard values, then `rows` generated rows per large table.
inline std::string carbon_like_sqlite_data(int rows) {
  std::string n = std::to_string(rows);
  return R"sql(
INSERT INTO UM_TENANT (UM_DOMAIN_NAME, UM_EMAIL, UM_ACTIVE, UM_CREATED_DATE, UM_USER_CONFIG) VALUES
  ('carbon.super', NULL, 1, '2026-01-01 00:00:00', x'00'),
  ('wso2.com', '', 1, '0000-00-00 00:00:00', x'3c3f786d6c00ff00'),
  ('gone.example', 'x', 0, '2026-01-02', NULL);
DELETE FROM UM_TENANT WHERE UM_DOMAIN_NAME = 'gone.example';
INSERT INTO UM_USER VALUES
  (1, 'admin', 'pa''ss\word', NULL, 0, '2026-01-01 00:00:00', -1234),
  (1, 'admin', 'tab	and
newline', '', 1, '2026-01-01', 1),
  (-1, '\N', '\\N', 'NULL', 0, '1970-01-01', -1234),
  (9223372036854775807, 'max', 'ünïcødé ✓', 'x', 0, '2038-01-19 03:14:08', -9223372036854775808);
INSERT INTO UM_USER_ATTRIBUTE (UM_ATTR_NAME, UM_ATTR_VALUE, UM_PROFILE_ID, UM_USER_ID, UM_TENANT_ID) VALUES
  ('mail', 'admin@wso2.com', 'default', 1, -1234), ('sn', NULL, 'default', 1, -1234), ('empty', '', '', 1, 1);
INSERT INTO REG_PATH VALUES (1, '/', NULL, -1234), (2, '/_system', 1, -1234), (1, '/', NULL, 1);
INSERT INTO REG_CONTENT VALUES (1, x'', -1234), (2, NULL, -1234), (3, x'000000', -1234), (4, zeroblob(70000), 1);
INSERT INTO REG_LOG VALUES (1, '/a', 1, NULL, '2026-01-01', -1234), (1, '/a', 1, NULL, '2026-01-01', -1234),
  (NULL, NULL, 0, '', '2026-01-01', 0);
INSERT INTO "odd ""name"" table" VALUES (1, 1.0, 1), ('1', -0.0, 1.0), (NULL, 1.7976931348623157e308, '1'),
  ('', 4.9e-324, x'31'), ('a"b', 0.1, -9223372036854775808);
WITH RECURSIVE s(g) AS (SELECT 2 UNION ALL SELECT g + 1 FROM s WHERE g < )sql" + n + R"sql()
  INSERT INTO UM_USER SELECT g, 'user' || g, hex(randomblob(16)), hex(randomblob(4)), 0, '2026-02-01', g % 7 - 1234 FROM s;
WITH RECURSIVE s(g) AS (SELECT 5 UNION ALL SELECT g + 1 FROM s WHERE g < )sql" + n + R"sql()
  INSERT INTO REG_CONTENT SELECT g, randomblob(g % 3000), g % 7 FROM s;
WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < )sql" + n + R"sql()
  INSERT INTO REG_LOG SELECT g % 100, '/_system/path' || g, g % 5, 'data ' || g, '2026-03-01', -1234 FROM s;
)sql";
}

}  // namespace planrun::testing
