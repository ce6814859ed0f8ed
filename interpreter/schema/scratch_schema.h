#pragma once

#include <string>
#include <vector>

#include "interpreter/schema/database_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

class Databases;

// A DDL script: a name for messages (its path) and its text.
struct DdlScript {
  std::string name;
  std::string text;
};

// The schema the scripts make, loaded in order into a scratch on the server of `server`, so
// that types and defaults are that server's words, as in the database compared with it:
// SQLite an in-memory database; PostgreSQL a schema planrun_scratch_<random> in `server`'s
// database, on the search_path while loading and reading; MariaDB/MySQL a database
// planrun_scratch_<random> (the login needs the CREATE and DROP privileges). The scratch is
// dropped before this returns, also when a script fails. Throws DatabaseError naming the
// script and the server's message.
// `owner` (a step's work directory) names the scratch instead of chance: a planrun killed while
// the scratch existed left it behind, and the owner's next attempt drops it before making its own.
DatabaseSchema schema_of_scripts(Databases& databases, const Dsn& server, const std::vector<DdlScript>& scripts,
                                 const std::string& owner = "");

// The scratch's name for `owner` (planrun_scratch_ and 12 hex digits of its SHA-256).
std::string scratch_name_of(const std::string& owner);

}  // namespace planrun
