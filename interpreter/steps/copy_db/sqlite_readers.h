#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "interpreter/steps/copy_db/database_copier.h"
#include "interpreter/values/dsn.h"

namespace planrun {

class CancellationToken;
class DatabaseConnection;
class Databases;
class SqliteTableChecksum;

// Read-only connections to one SQLite file for checksums, one per thread reading at the same
// time, opened as needed and kept: the copy's single writer connection is busy writing, and
// checksums of the source (or, once the copy is in, of the target) are computed beside it on
// the other core.
class SqliteReaders {
 public:
  SqliteReaders(Databases& databases, Dsn dsn);
  ~SqliteReaders();

  TableSummary summarize(const std::string& table, const CopiedRows& copied, const CancellationToken& cancel);

 private:
  struct Reader;
  std::unique_ptr<Reader> borrow();

  Databases& databases_;
  Dsn dsn_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Reader>> idle_;
};

}  // namespace planrun
