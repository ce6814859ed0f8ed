#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace planrun {

// A database address as plans write it: sqlite:path, postgresql://user@host:port/db,
// mysql://user@host:port/db (mariadb:// too), or the JDBC URLs of Carbon's
// master-datasources.xml (jdbc:postgresql://..., jdbc:mysql://..., jdbc:mariadb://..., jdbc:sqlite:...,
// and jdbc:h2:PATH, an embedded H2 database, which planrun handles as its files).
// A DSN never carries a password; one written into it is rejected.
struct Dsn {
  enum class Kind { Sqlite, Postgresql, Mysql, H2 };

  Kind kind = Kind::Sqlite;
  std::string path;      // Sqlite; H2: the database's name, its files are PATH.h2.db or PATH.mv.db
  std::string user;      // server databases
  std::string host;
  int port = 0;          // 0: the backend's default
  std::string database;
  std::string query;     // "?a=b&c=d" text after the database (H2: ";A=B" options), kept as written

  // The DSN in planrun's own form (postgresql://user@host:port/db), what logs show.
  std::string to_string() const;
  // The JDBC URL Carbon's datasources use: jdbc:postgresql://host:port/db, jdbc:mysql://..., jdbc:sqlite:path.
  std::string jdbc_url() const;
};

// "sqlite", "postgresql", "mysql", "h2".
std::string kind_name(Dsn::Kind kind);

// Parses a DSN; on failure returns nullopt and sets `error` to a message naming what is wrong.
std::optional<Dsn> parse_dsn(std::string_view text, std::string* error);

}  // namespace planrun
