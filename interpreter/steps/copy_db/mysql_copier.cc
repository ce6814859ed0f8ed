// The MariaDB/MySQL copier. Sessions, all with the same fixed settings so that both sides read
// and write values in the same form (sql_mode without output-changing modes and with
// NO_AUTO_VALUE_ON_ZERO so that a stored 0 id stays 0, time_zone +00:00 so that TIMESTAMPs
// cross as stored):
//   source catalogue   read-only; definitions, estimates, the version; holds the snapshot lock
//   source workers     read-only; one consistent snapshot each, all taken at the same moment
//   target catalogue   DDL
//   target workers     loading, one per job; foreign and unique checks off
#include "interpreter/steps/copy_db/mysql_copier.h"

#include <mysql.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

#include <xxhash.h>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/copy_db/mysql_row_codec.h"
#include "interpreter/steps/copy_db/mysql_schema_copy.h"
#include "interpreter/steps/copy_db/mysql_session_pool.h"
#include "interpreter/steps/copy_db/mysql_table_transfer.h"

namespace planrun {
namespace {

enum class Values { Text, Bytes };  // catalogue sessions read text, workers the stored bytes

std::unique_ptr<MysqlSession> open_session(Databases& databases, const Dsn& dsn, bool read_only, Values values) {
  auto session = std::make_unique<MysqlSession>(databases.open(dsn, {.read_only = read_only}));
  if (mysql_set_character_set(session->handle(), "utf8mb4") != 0) session->fail("use the utf8mb4 character set");
  std::string settings = "SET SESSION sql_mode = '" + std::string(kMysqlCopySqlMode) +
                         "', time_zone = '+00:00', foreign_key_checks = 0";
  if (values == Values::Bytes) settings += ", character_set_results = binary, unique_checks = 0";
  session->execute(settings, "prepare the session");
  return session;
}

void start_snapshot(MysqlSession& worker) {
  worker.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ", "start a consistent snapshot");
  worker.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY", "start a consistent snapshot");
}

// 'user'@'host' as information_schema's GRANTEE columns write the session's account.
std::string grantee(MysqlSession& session) {
  auto rows = session.rows("SELECT CURRENT_USER()", "read the login's account");
  std::string account = rows.at(0).at(0).value_or("");
  size_t at = account.rfind('@');
  return "'" + account.substr(0, at) + "'@'" + (at == std::string::npos ? "" : account.substr(at + 1)) + "'";
}

class MysqlCopier final : public DatabaseCopier {
 public:
  MysqlCopier(Databases& databases, const Dsn& from, const Dsn& to, const CopyOptions& options)
      : options_(options),
        source_(open_session(databases, from, true, Values::Text)),
        target_(open_session(databases, to, false, Values::Text)),
        schema_(*source_, *target_) {
    require_database_wide_select();
    version_at_snapshot_ = version_token();
    int jobs = std::max(options.jobs, 1);
    for (int i = 0; i < jobs; ++i) {
      source_workers_.add(open_session(databases, from, true, Values::Bytes));
      target_workers_.add(open_session(databases, to, false, Values::Bytes));
    }
    take_snapshot();
  }

  std::vector<std::string> source_tables() override {
    std::lock_guard lock(catalog_mutex_);
    auto rows = source_->rows(
        "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
        "AND TABLE_TYPE <> 'VIEW'", "list the tables");
    std::vector<std::string> tables;
    for (const MysqlRow& row : rows) {
      std::string name = row[0].value_or(""), type = row[1].value_or("");
      if (type != "BASE TABLE")
        throw DatabaseError("copy-db cannot copy `" + name + "` of " + source_->dsn().to_string() + ": it is a " +
                            type + ", which this copier does not carry (only base tables and views)");
      tables.push_back(name);
    }
    std::sort(tables.begin(), tables.end());
    return tables;
  }

  // The first call answers the token taken just before the snapshot: a write between the two
  // then counts as a write after it (a resumed copy starts over) rather than slipping between
  // the token and the rows.
  std::string source_version() override {
    std::lock_guard lock(catalog_mutex_);
    if (version_at_snapshot_) return std::exchange(version_at_snapshot_, std::nullopt).value();
    return version_token();
  }

  TableEstimate estimate(const std::string& table) override {
    std::lock_guard lock(catalog_mutex_);
    auto rows = source_->rows("SELECT TABLE_ROWS, DATA_LENGTH FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                              "DATABASE() AND TABLE_NAME = " + source_->dialect().literal(table),
                              "estimate the size of table `" + table + "`");
    if (rows.empty()) return {};
    auto number = [](const std::optional<std::string>& text) { return text ? std::stoull(*text) : 0; };
    return {number(rows[0][0]), number(rows[0][1])};
  }

  std::vector<std::string> target_tables() override {
    std::lock_guard lock(catalog_mutex_);
    return schema_.target_objects();
  }

  void create_tables(const std::vector<std::string>& tables) override {
    for (const std::string& table : tables) codec(table);  // a type it cannot carry fails before any data
    std::lock_guard lock(catalog_mutex_);
    schema_.create_tables(tables);
  }

  // The table's secondary indexes are built right after its rows, on the same thread, while
  // other threads still load theirs: index builds overlap loading instead of following it.
  TableSummary copy_table(const std::string& table, const CopiedRows& copied, const CancellationToken& cancel) override {
    MysqlTableCodec table_codec = codec(table);
    MysqlTableDdl ddl = source_table(table);
    auto source = source_workers_.borrow();
    auto target = target_workers_.borrow();
    TableSummary summary = transfer_mysql_table(*source, *target, table, table_codec, options_, copied, cancel,
                                                [this](unsigned long thread) { end_source_thread(thread); });
    add_missing_mysql_keys(*target, table, ddl, false);
    return summary;
  }

  void finish_schema(const std::vector<std::string>& tables) override {
    std::lock_guard lock(catalog_mutex_);
    schema_.finish(tables);
  }

  TableSummary target_summary(const std::string& table) override {
    MysqlTableCodec table_codec = codec(table);
    auto target = target_workers_.borrow();
    return summarize_mysql_table(*target, table, table_codec);
  }

  void drop_tables(const std::vector<std::string>& tables) override {
    std::lock_guard lock(catalog_mutex_);
    schema_.drop(tables);
  }

 private:
  // Ends a source worker's server thread that a transfer left part-way (the same login may
  // kill its own threads). Called while unwinding: nothing may throw, and an id that is
  // already gone ("Unknown thread id") is what the kill wanted.
  void end_source_thread(unsigned long thread) noexcept {
    std::lock_guard lock(catalog_mutex_);
    std::string kill = "KILL CONNECTION " + std::to_string(thread);
    mysql_real_query(source_->handle(), kill.data(), kill.size());
  }

  // A login that sees only some tables (table-level grants) would copy those without a word
  // about the others, which it cannot even list: it must be able to read the whole database.
  void require_database_wide_select() {
    std::string who = source_->dialect().literal(grantee(*source_));
    auto rows = source_->rows(
        "SELECT 1 FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = " + who + " AND PRIVILEGE_TYPE = 'SELECT' "
        "UNION ALL SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = " + who +
        " AND PRIVILEGE_TYPE = 'SELECT' AND DATABASE() LIKE TABLE_SCHEMA",
        "read the login's privileges");
    if (rows.empty())
      throw DatabaseError("copy-db cannot read all of " + source_->dsn().to_string() + ": the login " + grantee(*source_) +
                          " has no SELECT on the whole database, so tables it may not read could not even be "
                          "listed; grant SELECT ON `" + source_->dsn().database + "`.*");
  }

  // Every worker's snapshot is taken while FLUSH TABLES WITH READ LOCK holds writes back, so
  // all see the same commits. A login without the RELOAD privilege cannot take that lock: then
  // one worker keeps the only snapshot and tables are read one after the other.
  void take_snapshot() {
    source_->execute("SET SESSION lock_wait_timeout = 30", "prepare the snapshot");
    bool locked = mysql_query(source_->handle(), "FLUSH TABLES WITH READ LOCK") == 0;
    auto& workers = source_workers_.idle();
    if (!locked) workers.resize(1);
    for (auto& worker : workers) start_snapshot(*worker);
    if (locked) source_->execute("UNLOCK TABLES", "release the snapshot lock");
  }

  // Each table's creation and last-write times (MariaDB keeps InnoDB's UPDATE_TIME in memory,
  // to the second; a restart forgets it, which only costs a recopy), and each view's text.
  // A write in the same second as the newest time would not change it: the token is taken
  // once that second has passed.
  std::string version_token() {
    for (int attempt = 0;; ++attempt) {
      auto rows = source_->rows(
          "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, CREATE_TIME, UPDATE_TIME, UPDATE_TIME >= NOW() - INTERVAL 1 SECOND "
          "FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME",
          "read the tables' update times");
      bool settled = std::none_of(rows.begin(), rows.end(), [](const MysqlRow& row) { return row[5] == "1"; });
      if (!settled && attempt < 3) {
        wait_past_the_second();
        continue;
      }
      auto views = source_->rows("SELECT TABLE_NAME, VIEW_DEFINITION FROM information_schema.VIEWS WHERE "
                                 "TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME", "read the views");
      std::string text;
      for (const auto* part : {&rows, &views})
        for (const MysqlRow& row : *part)
          for (size_t i = 0; i < std::min<size_t>(row.size(), 5); ++i) text += row[i].value_or("NULL") + '\x1f';
      XXH128_hash_t hash = XXH3_128bits(text.data(), text.size());
      char hex[33];
      std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                    static_cast<unsigned long long>(hash.low64));
      return hex;
    }
  }

  // A cancellation ends the wait, and the step with it, rather than after three of them.
  void wait_past_the_second() {
    constexpr std::chrono::milliseconds kPastTheSecond{1100};
    if (!options_.cancel) return std::this_thread::sleep_for(kPastTheSecond);
    if (options_.cancel->sleep_for(kPastTheSecond)) throw StepFailure(StepFailure::Kind::Cancelled, "stopped as asked");
  }

  MysqlTableDdl source_table(const std::string& table) {
    std::lock_guard lock(catalog_mutex_);
    return schema_.source_table(table);
  }

  // Called without the catalogue lock held (it takes it, after its own).
  MysqlTableCodec codec(const std::string& table) {
    std::lock_guard lock(codec_mutex_);
    auto found = codecs_.find(table);
    if (found != codecs_.end()) return found->second;
    std::lock_guard catalog(catalog_mutex_);
    return codecs_.emplace(table, MysqlTableCodec::of(*source_, table)).first->second;
  }

  CopyOptions options_;
  std::optional<std::string> version_at_snapshot_;
  std::mutex catalog_mutex_;
  std::unique_ptr<MysqlSession> source_;
  std::unique_ptr<MysqlSession> target_;
  MysqlSchemaCopy schema_;
  MysqlSessionPool source_workers_;
  MysqlSessionPool target_workers_;
  std::mutex codec_mutex_;
  std::map<std::string, MysqlTableCodec> codecs_;
};

}  // namespace

std::unique_ptr<DatabaseCopier> make_mysql_copier(Databases& databases, const Dsn& from, const Dsn& to,
                                                 const CopyOptions& options) {
  return std::make_unique<MysqlCopier>(databases, from, to, options);
}

}  // namespace planrun
