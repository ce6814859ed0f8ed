#include "interpreter/steps/copy_db/sqlite_readers.h"

#include "interpreter/databases/databases.h"
#include "interpreter/steps/copy_db/sqlite_table_checksum.h"

namespace planrun {

struct SqliteReaders::Reader {
  std::unique_ptr<DatabaseConnection> connection;
  std::unique_ptr<SqliteTableChecksum> checksum;
};

SqliteReaders::SqliteReaders(Databases& databases, Dsn dsn) : databases_(databases), dsn_(std::move(dsn)) {}

SqliteReaders::~SqliteReaders() = default;

std::unique_ptr<SqliteReaders::Reader> SqliteReaders::borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Reader> reader = std::move(idle_.back());
      idle_.pop_back();
      return reader;
    }
  }
  auto reader = std::make_unique<Reader>();
  reader->connection = databases_.open(dsn_, {.read_only = true});
  reader->checksum = std::make_unique<SqliteTableChecksum>(reader->connection->sqlite_handle());
  return reader;
}

TableSummary SqliteReaders::summarize(const std::string& table, const CopiedRows& copied,
                                      const CancellationToken& cancel) {
  std::unique_ptr<Reader> reader = borrow();
  TableSummary summary = reader->checksum->summarize("main", table, copied, cancel);
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(reader));
  return summary;
}

}  // namespace planrun
