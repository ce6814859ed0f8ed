#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "interpreter/values/dsn.h"

namespace planrun {

class CancellationToken;
class Databases;

// What copy-db knows of one table's content: its row count and a checksum of every value of
// every row, computed the same way on both sides (independent of row order), so that equal
// summaries mean equal tables.
struct TableSummary {
  int64_t rows = 0;
  std::string checksum;  // lowercase hex
  bool operator==(const TableSummary&) const = default;
};

// The size copy-db expects of a table, for progress and for copying the largest tables first.
// Estimates (catalogue statistics) are fine; 0 when unknown.
struct TableEstimate {
  uint64_t rows = 0;
  uint64_t bytes = 0;
};

// Told as rows reach the target: (rows, bytes) since the last call. Called from copy_table's
// thread; copy-db makes it safe from several threads.
using CopiedRows = std::function<void(uint64_t rows, uint64_t bytes)>;

struct CopyOptions {
  int jobs = 2;               // tables copied at the same time (connections to each side)
  int64_t batch_rows = 10000; // rows per write to the target, and between cancellation checks
  // Ends a copier's own waits early (MariaDB's wait for a settled update time) with
  // StepFailure(Cancelled); none: they run out. copy_table takes its token as an argument.
  const CancellationToken* cancel = nullptr;
};

// One database type's way of copying a database into an empty one of the same type. copy-db
// (copy_db_step.cc) owns the order, the checkpoints, the verification and the progress; a
// copier owns the SQL. The source is opened read-only, in ONE consistent snapshot shared by
// every method and every worker, and is never written.
//
// The order copy-db calls in, and what each call must guarantee so that a kill -9 anywhere
// and a rerun end in an exact copy:
//   source_tables, source_version, estimate, target_tables  (reading)
//   create_tables      tables with columns, types, defaults, NOT NULL and primary key, and
//                      nothing that slows loading (no secondary indexes, no foreign keys);
//                      a table that already exists in the target is left alone (a rerun)
//   copy_table         from up to `jobs` threads at once, one table each: first empties the
//                      table in the target (a rerun after a kill never duplicates rows), then
//                      streams every row; returns the summary of the rows it read from the
//                      source; polls the token at least every batch and throws
//                      StepFailure(Cancelled) when it is requested
//   finish_schema      secondary indexes, unique constraints, foreign keys, views, triggers,
//                      and identity state (sequences with last_value/is_called, AUTO_INCREMENT
//                      counters, sqlite_sequence); safe to call again after a kill part-way
//   target_summary     reads a table back from the target, for verification
//   drop_tables        undoes copy-db's own work in the target (a restart from scratch)
// Errors: DatabaseError (from interpreter/databases) or EnvironmentError with the database's
// words, naming the table; never a password.
class DatabaseCopier {
 public:
  virtual ~DatabaseCopier() = default;

  // The source's base tables, in a stable order (views and sequences come with finish_schema).
  virtual std::vector<std::string> source_tables() = 0;
  // A token that changes whenever the source was written since it was last taken (a resumed
  // copy compares it with the interrupted attempt's and starts over when it differs, rather
  // than mixing two snapshots). A change that is not a write may change it too: that costs a
  // recopy, never an inexact copy.
  virtual std::string source_version() = 0;
  virtual TableEstimate estimate(const std::string& table) = 0;
  // What the target holds now: tables, views and sequences (for the empty-target check).
  virtual std::vector<std::string> target_tables() = 0;

  virtual void create_tables(const std::vector<std::string>& tables) = 0;
  virtual TableSummary copy_table(const std::string& table, const CopiedRows& copied,
                                  const CancellationToken& cancel) = 0;
  virtual void finish_schema(const std::vector<std::string>& tables) = 0;
  virtual TableSummary target_summary(const std::string& table) = 0;
  virtual void drop_tables(const std::vector<std::string>& tables) = 0;
};

// The copier for `from`'s type; `to` must be of the same type. Opens the source read-only and
// takes the snapshot; throws DatabaseError when a side cannot be opened.
std::unique_ptr<DatabaseCopier> make_database_copier(Databases& databases, const Dsn& from, const Dsn& to,
                                                     const CopyOptions& options);

}  // namespace planrun
