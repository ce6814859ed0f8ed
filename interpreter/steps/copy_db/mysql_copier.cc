#include "interpreter/steps/copy_db/mysql_copier.h"

#include "interpreter/databases/database_error.h"

namespace planrun {

// Not yet written: being built on its own branch.
std::unique_ptr<DatabaseCopier> make_mysql_copier(Databases&, const Dsn& from, const Dsn&, const CopyOptions&) {
  throw DatabaseError("copy-db cannot copy " + from.to_string() + " yet");
}

}  // namespace planrun
