#pragma once

#include <sqlite3.h>

#include <string>
#include <vector>

#include "interpreter/steps/copy_db/database_copier.h"

namespace planrun {

class CancellationToken;

// The checksum of an SQLite table, computed inside SQLite: an aggregate function
// planrun_table_checksum(col1, ..., colN) registered on the connection hashes each row's values
// where the virtual machine holds them, so a whole table is one sqlite3_step, not one library
// call (and one mutex round) per value. A row's bytes: per column its storage class, then its
// value (integers and reals by their 8 bytes, text and blobs by length and bytes), so that 1,
// 1.0, '1' and x'31' differ.
class SqliteTableChecksum {
 public:
  // Registers the function on `db`; `db` must outlive this object.
  explicit SqliteTableChecksum(sqlite3* db);

  // Reads `schema`.`table` whole. `copied` (may be empty) hears every 10,000 rows; a
  // cancellation request interrupts the scan (StepFailure Cancelled).
  TableSummary summarize(const std::string& schema, const std::string& table, const CopiedRows& copied,
                         const CancellationToken& cancel);

 private:
  sqlite3* db_;
  const CopiedRows* copied_ = nullptr;  // of the summarize call running now
};

}  // namespace planrun
