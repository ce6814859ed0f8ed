#include "interpreter/schema/scratch_schema.h"

#include <soci/soci.h>

#include <random>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/files/sha256_hasher.h"
#include "interpreter/schema/schema_reader.h"
#include "interpreter/schema/script_loader.h"

namespace planrun {
namespace {

std::string random_scratch_name() {
  std::random_device device;
  std::mt19937_64 random(device());
  const char* digits = "0123456789abcdef";
  std::string name = "planrun_scratch_";
  for (int i = 0; i < 12; ++i) name += digits[random() % 16];
  return name;
}

void load_all(DatabaseConnection& connection, const std::vector<DdlScript>& scripts, const std::string& where) {
  for (const DdlScript& script : scripts) {
    try {
      load_script_into(connection, script.text);
    } catch (const DatabaseError& error) {
      throw DatabaseError("the DDL script " + script.name + " failed in " + where + ": " + error.what());
    }
  }
}

// Runs `use` with the scratch made by `create`, and drops it by `drop` whatever happens.
template <class Use>
DatabaseSchema with_scratch(DatabaseConnection& connection, const std::string& create, const std::string& drop,
                            const std::string& refused, Use use) {
  try {
    connection.session() << create;
  } catch (const soci::soci_error& error) {
    throw DatabaseError(refused + ": " + error.what());
  }
  try {
    DatabaseSchema schema = use();
    connection.session() << drop;
    return schema;
  } catch (...) {
    try {
      connection.session() << drop;
    } catch (const soci::soci_error&) {  // the first failure is the one to report
    }
    throw;
  }
}

}  // namespace

std::string scratch_name_of(const std::string& owner) { return "planrun_scratch_" + sha256_of(owner).substr(0, 12); }

DatabaseSchema schema_of_scripts(Databases& databases, const Dsn& server, const std::vector<DdlScript>& scripts,
                                 const std::string& owner) {
  if (server.kind == Dsn::Kind::Sqlite) {
    Dsn memory = server;
    memory.path = ":memory:";
    std::unique_ptr<DatabaseConnection> connection = databases.open(memory);
    load_all(*connection, scripts, "an in-memory SQLite database");
    return read_schema(*connection);
  }
  if (server.kind != Dsn::Kind::Postgresql && server.kind != Dsn::Kind::Mysql)
    throw DatabaseError("cannot load DDL scripts for " + server.to_string() +
                        ": compare-schema loads scripts into SQLite, PostgreSQL and MariaDB/MySQL only");
  std::unique_ptr<DatabaseConnection> connection = databases.open(server);
  std::string name = owner.empty() ? random_scratch_name() : scratch_name_of(owner);
  bool postgresql = server.kind == Dsn::Kind::Postgresql;
  std::string what = postgresql ? "the scratch schema " + name + " of " + server.to_string()
                                : "the scratch database " + name + " on " + server.to_string();
  std::string refused = "cannot create " + what + " to load the DDL scripts into" +
                        (postgresql ? " (the login needs the CREATE privilege on the database)"
                                    : " (the login needs the CREATE and DROP privileges)");
  std::string create = (postgresql ? "CREATE SCHEMA " : "CREATE DATABASE ") + name;
  std::string drop = postgresql ? "DROP SCHEMA " + name + " CASCADE" : "DROP DATABASE " + name;
  if (!owner.empty()) {  // the leftover of this owner's attempt that was killed
    try {
      connection->session() << (postgresql ? "DROP SCHEMA IF EXISTS " + name + " CASCADE" : "DROP DATABASE IF EXISTS " + name);
    } catch (const soci::soci_error& error) {
      throw DatabaseError("cannot drop " + what + ", left by an interrupted attempt: " + error.what());
    }
  }
  return with_scratch(*connection, create, drop, refused, [&] {
    connection->session() << (postgresql ? "SET search_path TO " : "USE ") + name;
    load_all(*connection, scripts, what);
    return read_schema(*connection, name);
  });
}

}  // namespace planrun
