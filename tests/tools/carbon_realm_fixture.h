#pragma once

// Carbon's user realm tables as each database's dbscripts create them, and rows an old
// installation has, for the tests of the fake Carbon server's admin services.

#include <string>
#include <vector>

#include "interpreter/values/dsn.h"

namespace planrun::testing {

// UM_TENANT and UM_USER: ids from a sequence on PostgreSQL (UM_TENANT_PK_SEQ, UM_USER_PK_SEQ),
// AUTO_INCREMENT on MariaDB, as Carbon's dbscripts have them.
inline std::vector<std::string> carbon_realm_tables(Dsn::Kind kind) {
  const std::string user_columns =
      "UM_USER_NAME VARCHAR(255) NOT NULL, UM_USER_PASSWORD VARCHAR(255) NOT NULL, UM_SALT_VALUE VARCHAR(31), "
      "UM_REQUIRE_CHANGE BOOLEAN DEFAULT FALSE, UM_CHANGED_TIME TIMESTAMP NOT NULL, UM_TENANT_ID INTEGER DEFAULT 0, "
      "PRIMARY KEY (UM_ID, UM_TENANT_ID), UNIQUE(UM_USER_NAME, UM_TENANT_ID))";
  const std::string tenant_columns =
      "UM_DOMAIN_NAME VARCHAR(255) NOT NULL, UM_EMAIL VARCHAR(255), UM_ACTIVE BOOLEAN DEFAULT FALSE, "
      "UM_CREATED_DATE TIMESTAMP NOT NULL, UM_USER_CONFIG ";
  if (kind == Dsn::Kind::Postgresql)
    return {"CREATE SEQUENCE UM_TENANT_PK_SEQ",
            "CREATE TABLE UM_TENANT (UM_ID INTEGER DEFAULT NEXTVAL('UM_TENANT_PK_SEQ'), " + tenant_columns +
                "BYTEA, PRIMARY KEY (UM_ID), UNIQUE(UM_DOMAIN_NAME))",
            "CREATE SEQUENCE UM_USER_PK_SEQ",
            "CREATE TABLE UM_USER (UM_ID INTEGER DEFAULT NEXTVAL('UM_USER_PK_SEQ'), " + user_columns};
  if (kind == Dsn::Kind::Mysql)
    return {"CREATE TABLE UM_TENANT (UM_ID INTEGER NOT NULL AUTO_INCREMENT, " + tenant_columns +
                "LONGBLOB, PRIMARY KEY (UM_ID), UNIQUE(UM_DOMAIN_NAME)) ENGINE INNODB",
            "CREATE TABLE UM_USER (UM_ID INTEGER NOT NULL AUTO_INCREMENT, " + user_columns + " ENGINE INNODB"};
  return {"CREATE TABLE UM_TENANT (UM_ID INTEGER PRIMARY KEY AUTOINCREMENT, " + tenant_columns + "BLOB, UNIQUE(UM_DOMAIN_NAME))",
          "CREATE TABLE UM_USER (UM_ID INTEGER, " + user_columns};
}

// The rows of an old installation: the super tenant's administrator `admin` with password
// Adm1n-pw and a user `olduser` (Olduser-pw), a tenant old.example (id 7) whose `admin` has
// Old-t3nant. Hashes computed apart from the fake: base64(sha256(password + salt)).
inline std::vector<std::string> carbon_realm_rows(Dsn::Kind kind) {
  bool sqlite = kind == Dsn::Kind::Sqlite;
  auto user = [&](int id, const std::string& name, const std::string& hash, const std::string& salt, int tenant) {
    return "INSERT INTO UM_USER (" + std::string(sqlite ? "UM_ID, " : "") +
           "UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_CHANGED_TIME, UM_TENANT_ID) VALUES (" +
           (sqlite ? std::to_string(id) + ", " : "") + "'" + name + "', '" + hash + "', '" + salt + "', CURRENT_TIMESTAMP, " +
           std::to_string(tenant) + ")";
  };
  std::vector<std::string> rows{
      user(1, "admin", "aEjsTuJTIzh9G6x44jG7i6YNb9vTdC357439ktAGG+Q=", "c2FsdHk=", -1234),
      "INSERT INTO UM_TENANT (UM_ID, UM_DOMAIN_NAME, UM_EMAIL, UM_ACTIVE, UM_CREATED_DATE) VALUES "
      "(7, 'old.example', 'ops@old.example', TRUE, CURRENT_TIMESTAMP)",
      user(2, "admin", "L5DlTr6N8hM1GJfIhwXerFUL7Z6EQpTGDHth9tFilwI=", "dGVuYW50", 7),
      user(3, "olduser", "OLDUSER-HASH-UNUSED", "x", -1234)};
  if (kind == Dsn::Kind::Postgresql) rows.push_back("SELECT setval('UM_TENANT_PK_SEQ', 7)");
  return rows;
}

}  // namespace planrun::testing
