#pragma once

#include "interpreter/steps/copy_db/database_copier.h"

namespace planrun {

std::unique_ptr<DatabaseCopier> make_mysql_copier(Databases& databases, const Dsn& from, const Dsn& to,
                                                 const CopyOptions& options);

}  // namespace planrun
