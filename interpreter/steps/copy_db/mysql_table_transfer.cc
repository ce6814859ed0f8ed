#include "interpreter/steps/copy_db/mysql_table_transfer.h"

#include <errmsg.h>
#include <mysql.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <utility>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/dialect/mysql_dialect.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/copy_db/table_checksum.h"

namespace planrun {
namespace {

// Why the feed stopped a LOAD DATA early.
enum class FeedStop { None, Cancelled, SourceFailed };

// The source rows one LOAD DATA statement reads, as the "file" the client sends: lines are
// encoded (and hashed) as the server asks for more, up to `batch_rows` lines per statement.
class RowFeed {
 public:
  RowFeed(MYSQL* source, MYSQL_RES* result, int64_t batch_rows, const CancellationToken& cancel)
      : source_(source), result_(result), columns_(mysql_num_fields(result)), batch_rows_(batch_rows), cancel_(cancel) {}

  void start_batch() { batch_rows_done_ = 0, batch_bytes_ = 0; }
  bool source_done() const { return source_done_; }
  FeedStop stop() const { return stop_; }
  int64_t batch_rows_done() const { return batch_rows_done_; }
  uint64_t batch_bytes() const { return batch_bytes_; }
  const TableChecksum& checksum() const { return checksum_; }

  // Fills `buffer` with up to `size` bytes of lines; 0 at the end of the batch, -1 to abort.
  int read(char* buffer, unsigned size) {
    if (pending_at_ == pending_.size()) pending_.clear(), pending_at_ = 0;
    while (pending_.size() - pending_at_ < size && !source_done_ && batch_rows_done_ < batch_rows_) {
      if (batch_rows_done_ % 1024 == 0 && cancel_.requested()) return abort(FeedStop::Cancelled);
      MYSQL_ROW row = mysql_fetch_row(result_);
      if (!row) {
        source_done_ = true;
        if (mysql_errno(source_) != 0) return abort(FeedStop::SourceFailed);
        break;
      }
      size_t start = pending_.size();
      append_mysql_line(pending_, row, mysql_fetch_lengths(result_), columns_);
      checksum_.add_row(pending_.data() + start, pending_.size() - start);
      batch_bytes_ += pending_.size() - start;
      ++batch_rows_done_;
    }
    size_t count = std::min<size_t>(size, pending_.size() - pending_at_);
    std::memcpy(buffer, pending_.data() + pending_at_, count);
    pending_at_ += count;
    return static_cast<int>(count);
  }

 private:
  int abort(FeedStop why) {
    stop_ = why;
    return -1;
  }

  MYSQL* source_;
  MYSQL_RES* result_;
  unsigned columns_;
  int64_t batch_rows_;
  const CancellationToken& cancel_;
  std::string pending_;
  size_t pending_at_ = 0;
  int64_t batch_rows_done_ = 0;
  uint64_t batch_bytes_ = 0;
  bool source_done_ = false;
  FeedStop stop_ = FeedStop::None;
  TableChecksum checksum_;
};

void use_feed(MYSQL* target, RowFeed& feed) {
  mysql_set_local_infile_handler(
      target, [](void** state, const char*, void* feed) { return *state = feed, 0; },
      [](void* feed, char* buffer, unsigned size) { return static_cast<RowFeed*>(feed)->read(buffer, size); },
      [](void*) {},
      [](void*, char* message, unsigned size) {
        std::snprintf(message, size, "planrun stopped sending rows");
        return static_cast<int>(CR_UNKNOWN_ERROR);
      },
      &feed);
}

// LOAD DATA LOCAL turns refusals of single rows into warnings: an unexpected one fails the copy
// at once, naming the column (the verification would find the changed value later). Beyond the
// warnings the server keeps (max_error_count), only the verification judges.
void refuse_warnings(MysqlSession& target, const std::string& table, const MysqlTableCodec& codec) {
  if (mysql_warning_count(target.handle()) == 0) return;
  std::string doing = "load table `" + table + "`";
  std::string text;
  for (const MysqlRow& warning : target.rows("SHOW WARNINGS", doing))
    if (!codec.expected_warning(warning[2].value_or("")) && text.size() < 300)
      text += (text.empty() ? "" : "; ") + warning[2].value_or("");
  if (!text.empty())
    throw DatabaseError("cannot " + doing + " on " + target.dsn().to_string() + ": the server changed values: " + text);
}

// A server-side cursor over `sql` on `session`. Left before its end (cancelled, or the target
// failed), it would drain the rest of the table on freeing: the connection is cut instead
// (mariadb_cancel), which leaves that session unusable and copy-db failing, as it does then.
// Cutting the client's side alone is not enough: the server's thread stayed blocked writing
// rows into the dead socket until net_write_timeout (60 s), holding its snapshot and the
// table's metadata lock, so a DROP of the table or another copy's FLUSH TABLES WITH READ LOCK
// waited a minute after copy-db said it had stopped. `end_thread` ends it on the server.
struct StreamedResult {
  StreamedResult(MysqlSession& session, const std::string& sql, const std::string& doing,
                 std::function<void(unsigned long)> end_thread = {})
      : handle(session.handle()), end_thread(std::move(end_thread)) {
    if (mysql_real_query(handle, sql.data(), sql.size()) != 0) session.fail(doing);
    result = mysql_use_result(handle);
    if (!result) session.fail(doing);
  }
  ~StreamedResult() {
    if (!read_to_the_end) {
      unsigned long thread = mysql_thread_id(handle);
      mariadb_cancel(handle);
      if (end_thread) end_thread(thread);
    }
    mysql_free_result(result);
  }
  MYSQL* handle;
  std::function<void(unsigned long)> end_thread;
  MYSQL_RES* result = nullptr;
  bool read_to_the_end = false;
};

// A rerun may find the table's triggers, made by an earlier attempt's finish_schema: loading
// must not fire them (they may change the rows or write other tables, and with a BEFORE INSERT
// trigger the server gives a loaded 0 a new AUTO_INCREMENT value). finish_schema makes them again.
void drop_triggers(MysqlSession& target, const std::string& table) {
  std::string doing = "drop the triggers of table `" + table + "` before loading it";
  auto triggers = target.rows("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = "
                              "DATABASE() AND EVENT_OBJECT_TABLE = " + target.dialect().literal(table), doing);
  for (const MysqlRow& trigger : triggers)
    target.execute("DROP TRIGGER IF EXISTS " + MysqlDialect::quote_identifier(*trigger[0]), doing);
}

}  // namespace

TableSummary transfer_mysql_table(MysqlSession& source, MysqlSession& target, const std::string& table,
                                  const MysqlTableCodec& codec, const CopyOptions& options,
                                  const CopiedRows& copied, const CancellationToken& cancel,
                                  const std::function<void(unsigned long thread_id)>& end_source_thread) {
  drop_triggers(target, table);
  target.execute("TRUNCATE TABLE " + MysqlDialect::quote_identifier(table), "empty table `" + table + "`");
  StreamedResult rows(source, codec.select_sql(), "read table `" + table + "`", end_source_thread);
  RowFeed feed(source.handle(), rows.result, std::max<int64_t>(options.batch_rows, 1), cancel);
  use_feed(target.handle(), feed);
  do {
    feed.start_batch();
    const std::string& sql = codec.load_sql();
    if (mysql_real_query(target.handle(), sql.data(), sql.size()) != 0) {
      if (feed.stop() == FeedStop::Cancelled) throw StepFailure(StepFailure::Kind::Cancelled, "cancelled while copying table `" + table + "`");
      if (feed.stop() == FeedStop::SourceFailed) source.fail("read table `" + table + "`");
      target.fail("load table `" + table + "`");
    }
    refuse_warnings(target, table, codec);
    if (copied && feed.batch_rows_done() > 0) copied(feed.batch_rows_done(), feed.batch_bytes());
  } while (!feed.source_done());
  rows.read_to_the_end = true;
  return feed.checksum().summary();
}

TableSummary summarize_mysql_table(MysqlSession& session, const std::string& table, const MysqlTableCodec& codec) {
  StreamedResult rows(session, codec.select_sql(), "read table `" + table + "`");
  unsigned columns = mysql_num_fields(rows.result);
  TableChecksum checksum;
  std::string line;
  while (MYSQL_ROW row = mysql_fetch_row(rows.result)) {
    line.clear();
    append_mysql_line(line, row, mysql_fetch_lengths(rows.result), columns);
    checksum.add_row(line.data(), line.size());
  }
  if (mysql_errno(session.handle()) != 0) session.fail("read table `" + table + "`");
  rows.read_to_the_end = true;
  return checksum.summary();
}

}  // namespace planrun
