#include "interpreter/steps/copy_db/sqlite_table_checksum.h"

#include <cstring>
#include <new>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/dialect/sqlite_dialect.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/steps/copy_db/sqlite_statement.h"
#include "interpreter/steps/copy_db/table_checksum.h"

namespace planrun {
namespace {

constexpr uint64_t kRowsPerReport = 10000;

// The aggregate's state, kept in the memory SQLite gives each aggregate (zeroed at first).
struct Accumulator {
  TableChecksum* checksum;
  std::string* row;
  uint64_t rows_since_report;
  uint64_t bytes_since_report;
};


void append_value(sqlite3_value* value, std::string& row) {
  int type = sqlite3_value_type(value);
  row += static_cast<char>(type);
  if (type == SQLITE_INTEGER) {
    int64_t number = sqlite3_value_int64(value);
    row.append(reinterpret_cast<const char*>(&number), sizeof number);
  } else if (type == SQLITE_FLOAT) {
    double number = sqlite3_value_double(value);
    row.append(reinterpret_cast<const char*>(&number), sizeof number);
  } else if (type != SQLITE_NULL) {
    const void* bytes = type == SQLITE_BLOB ? sqlite3_value_blob(value) : sqlite3_value_text(value);
    uint64_t size = static_cast<uint64_t>(sqlite3_value_bytes(value));
    row.append(reinterpret_cast<const char*>(&size), sizeof size);
    if (size) row.append(static_cast<const char*>(bytes), size);
  }
}

void report(Accumulator& accumulator, const CopiedRows* copied) {
  if (copied && *copied && accumulator.rows_since_report) (*copied)(accumulator.rows_since_report, accumulator.bytes_since_report);
  accumulator.rows_since_report = accumulator.bytes_since_report = 0;
}

void step_row(sqlite3_context* context, int count, sqlite3_value** values) {
  auto* accumulator = static_cast<Accumulator*>(sqlite3_aggregate_context(context, sizeof(Accumulator)));
  if (!accumulator) return sqlite3_result_error_nomem(context);
  if (!accumulator->checksum) {
    accumulator->checksum = new TableChecksum;
    accumulator->row = new std::string;
  }
  std::string& row = *accumulator->row;
  row.clear();
  for (int i = 0; i < count; ++i) append_value(values[i], row);
  accumulator->checksum->add_row(row.data(), row.size());
  accumulator->bytes_since_report += row.size();
  if (++accumulator->rows_since_report == kRowsPerReport)
    report(*accumulator, *static_cast<const CopiedRows**>(sqlite3_user_data(context)));
}

// Gives "ROWS CHECKSUM" and frees the state (also called, with no rows, for an empty table).
void finish(sqlite3_context* context) {
  auto* accumulator = static_cast<Accumulator*>(sqlite3_aggregate_context(context, 0));
  TableChecksum empty;
  TableChecksum* checksum = accumulator && accumulator->checksum ? accumulator->checksum : &empty;
  if (accumulator) report(*accumulator, *static_cast<const CopiedRows**>(sqlite3_user_data(context)));
  TableSummary summary = checksum->summary();
  std::string result = std::to_string(summary.rows) + " " + summary.checksum;
  sqlite3_result_text(context, result.c_str(), static_cast<int>(result.size()), SQLITE_TRANSIENT);
  if (accumulator && accumulator->checksum) {
    delete accumulator->checksum;
    delete accumulator->row;
  }
}

}  // namespace

SqliteTableChecksum::SqliteTableChecksum(sqlite3* db) : db_(db) {
  if (!db) throw DatabaseError("copy-db: the connection has no SQLite handle");
  int status = sqlite3_create_function_v2(db, "planrun_table_checksum", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                          &copied_, nullptr, step_row, finish, nullptr);
  if (status != SQLITE_OK) throw DatabaseError(std::string("cannot register the checksum function: ") + sqlite3_errmsg(db));
}

TableSummary SqliteTableChecksum::summarize(const std::string& schema, const std::string& table,
                                            const CopiedRows& copied, const CancellationToken& cancel) {
  std::string columns;
  SqliteStatement list(db_, "SELECT name FROM pragma_table_info(?1, ?2) ORDER BY cid");
  list.bind_text(1, table);
  list.bind_text(2, schema);
  while (list.step()) columns += (columns.empty() ? "" : ", ") + SqliteDialect::quote_identifier(list.column_text(0));
  if (columns.empty()) throw DatabaseError("no table " + table + " in " + schema);
  auto interrupt = cancel.on_request([this] { sqlite3_interrupt(db_); });
  copied_ = &copied;
  struct Forget {
    const CopiedRows*& copied;
    ~Forget() { copied = nullptr; }
  } forget{copied_};
  SqliteStatement scan(db_, "SELECT planrun_table_checksum(" + columns + ") FROM " + schema + "." +
                                SqliteDialect::quote_identifier(table));
  if (!scan.step(&cancel)) throw DatabaseError("no checksum of " + table);
  std::string result = scan.column_text(0);
  size_t space = result.find(' ');
  return {std::stoll(result.substr(0, space)), result.substr(space + 1)};
}

}  // namespace planrun
