#include "interpreter/steps/copy_db/database_copier.h"

#include "interpreter/databases/database_error.h"
#include "interpreter/steps/copy_db/mysql_copier.h"
#include "interpreter/steps/copy_db/postgresql_copier.h"
#include "interpreter/steps/copy_db/sqlite_copier.h"

namespace planrun {

std::unique_ptr<DatabaseCopier> make_database_copier(Databases& databases, const Dsn& from, const Dsn& to,
                                                     const CopyOptions& options) {
  if (from.kind != to.kind)
    throw DatabaseError("copy-db copies between databases of the same type; " + from.to_string() + " and " +
                        to.to_string() + " differ");
  switch (from.kind) {
    case Dsn::Kind::Sqlite:
      return make_sqlite_copier(databases, from, to, options);
    case Dsn::Kind::Postgresql:
      return make_postgresql_copier(databases, from, to, options);
    case Dsn::Kind::Mysql:
      return make_mysql_copier(databases, from, to, options);
    case Dsn::Kind::H2:
      break;  // files, not tables: h2_file_copy.h
  }
  throw DatabaseError("copy-db cannot copy " + from.to_string());
}

}  // namespace planrun
