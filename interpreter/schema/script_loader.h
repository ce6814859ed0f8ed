#pragma once

#include <string>

namespace planrun {

class DatabaseConnection;

// Runs a whole SQL script on `connection`, split into statements as the database's own client
// would (databases/sql_script: quotes, dollar quotes, DELIMITER blocks), one statement at a time.
// Throws DatabaseError with the failing statement's line:column and the server's message;
// statements before the failing one have run.
void load_script_into(DatabaseConnection& connection, const std::string& text);

}  // namespace planrun
