// The PostgreSQL copier. Every source session reads in one snapshot: the first session opens a
// REPEATABLE READ READ ONLY transaction, exports its snapshot and keeps it open while the copier
// lives; each worker's session imports it (SET TRANSACTION SNAPSHOT). Data moves as binary COPY,
// the source's stream passed to the target unchanged; each table is emptied and loaded in one
// target transaction (TRUNCATE, then COPY FREEZE), so a kill leaves it as it was. Keys, indexes,
// constraints, views and sequence values come after the data (finish_schema), as pg_dump does.

#include "interpreter/steps/copy_db/postgresql_copier.h"

#include <map>
#include <mutex>
#include <set>

#include "interpreter/databases/databases.h"
#include "interpreter/databases/dialect/postgresql_dialect.h"
#include "interpreter/parallel/cancellation_token.h"
#include "interpreter/steps/copy_db/postgresql_row_stream.h"
#include "interpreter/steps/copy_db/postgresql_schema.h"
#include "interpreter/steps/copy_db/postgresql_target_schema.h"

namespace planrun {
namespace {

// A token that changes with any write to the source's schema: per relation its catalog row
// version (DDL), its file (TRUNCATE, rewrites) and the server's cumulative counts of inserted,
// updated and deleted rows; and every constraint's catalog row. Taken before the snapshot, so a
// write that lands after the snapshot changes the next token.
const std::string kSourceVersion =
    std::string("SELECT md5(coalesce((SELECT string_agg(concat_ws(':', c.oid, c.relname, c.relkind, c.xmin, "
                "c.relfilenode, pg_catalog.pg_stat_get_tuples_inserted(c.oid), "
                "pg_catalog.pg_stat_get_tuples_updated(c.oid), pg_catalog.pg_stat_get_tuples_deleted(c.oid)), ',' "
                "ORDER BY c.oid) FROM pg_catalog.pg_class c WHERE c.relkind IN ('r', 'p', 'v', 'm', 'i', 'S') "
                "AND c.relnamespace = ") +
    kCurrentSchemaOid +
    "), '') || coalesce((SELECT string_agg(k.oid || ':' || k.xmin, ',' ORDER BY k.oid) "
    "FROM pg_catalog.pg_constraint k WHERE k.connamespace = " +
    kCurrentSchemaOid + "), ''))";

// A source session and a target session, one table at a time; opened when first needed.
struct PgWorker {
  std::unique_ptr<PgSession> source;
  std::unique_ptr<PgSession> target;
};

class PostgresqlCopier final : public DatabaseCopier {
 public:
  PostgresqlCopier(Databases& databases, const Dsn& from, const Dsn& to, const CopyOptions& options)
      : databases_(databases), from_(from), to_(to), options_(options) {
    snapshot_holder_ = open(from_, true);
    version_ = snapshot_holder_->query(kSourceVersion, {}, "read the state of the source").text(0, 0);
    snapshot_holder_->execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "start a snapshot");
    snapshot_ = snapshot_holder_->query("SELECT pg_catalog.pg_export_snapshot()", {}, "export the snapshot").text(0, 0);
    target_ = std::make_unique<PgTargetSchema>(open(to_, false));
  }

  std::vector<std::string> source_tables() override {
    std::lock_guard lock(source_mutex_);
    return reader().tables();
  }

  std::string source_version() override { return version_; }

  TableEstimate estimate(const std::string& table) override {
    std::lock_guard lock(source_mutex_);
    PgResult size = snapshot_holder_->query(
        std::string("SELECT GREATEST(c.reltuples, 0)::bigint, pg_catalog.pg_total_relation_size(c.oid) "
                    "FROM pg_catalog.pg_class c WHERE c.oid = (") + kTableOidByName + ")",
        {table}, "estimate the size of table " + table);
    if (size.rows() == 0) return {};
    return {static_cast<uint64_t>(size.integer(0, 0)), static_cast<uint64_t>(size.integer(0, 1))};
  }

  std::vector<std::string> target_tables() override { return target_->relations(); }

  void create_tables(const std::vector<std::string>& tables) override {
    std::vector<PgTable> definitions;
    std::vector<PgSequence> sequences;
    {
      std::lock_guard lock(source_mutex_);
      for (const std::string& table : tables) definitions.push_back(definition_locked(table));
      sequences = reader().sequences();
    }
    target_->create(definitions, copied_sequences(sequences, tables));
  }

  TableSummary copy_table(const std::string& table, const CopiedRows& copied,
                          const CancellationToken& cancel) override {
    PgTable definition = this->definition(table);
    std::unique_ptr<PgWorker> worker = take_worker();
    PgSession& source = source_of(*worker);
    PgSession& target = target_of(*worker);
    std::string name = PostgresqlDialect::quote_identifier(table);
    target.execute("BEGIN", "start loading table " + table);
    target.execute("TRUNCATE " + name, "empty table " + table);
    target.start_copy("COPY " + name + " " + definition.columns + " FROM STDIN (FORMAT binary, FREEZE)",
                      "write table " + table);
    source.start_copy("COPY " + name + " " + definition.columns + " TO STDOUT (FORMAT binary)", "read table " + table);
    TableSummary summary = stream_rows(source, {table, &target, &copied, options_.batch_rows}, cancel);
    target.execute("COMMIT", "commit table " + table);
    give_back(std::move(worker));
    return summary;
  }

  void finish_schema(const std::vector<std::string>& tables) override {
    PgSchemaPlan plan;
    {
      std::lock_guard lock(source_mutex_);
      PgSchemaReader source = reader();
      plan = read_schema_plan(source, tables);
    }
    target_->finish(plan, options_.jobs, [this] { return open(to_, false); });
  }

  TableSummary target_summary(const std::string& table) override {
    PgTable definition = this->definition(table);
    std::unique_ptr<PgWorker> worker = take_worker();
    PgSession& target = target_of(*worker);
    target.start_copy("COPY " + PostgresqlDialect::quote_identifier(table) + " " + definition.columns +
                          " TO STDOUT (FORMAT binary)",
                      "read back table " + table);
    CancellationToken never;
    TableSummary summary = stream_rows(target, {table, nullptr, nullptr, options_.batch_rows}, never);
    give_back(std::move(worker));
    return summary;
  }

  void drop_tables(const std::vector<std::string>& tables) override {
    std::vector<PgSequence> sequences;
    std::vector<PgView> views;
    {
      std::lock_guard lock(source_mutex_);
      sequences = reader().sequences();
      views = reader().views();
    }
    target_->drop(tables, views, copied_sequences(sequences, tables));
  }

 private:
  std::unique_ptr<PgSession> open(const Dsn& dsn, bool read_only) {
    return std::make_unique<PgSession>(databases_.open(dsn, {.read_only = read_only}));
  }

  PgSchemaReader reader() { return PgSchemaReader(*snapshot_holder_); }

  PgTable definition(const std::string& table) {
    std::lock_guard lock(source_mutex_);
    return definition_locked(table);
  }

  PgTable definition_locked(const std::string& table) {
    auto found = definitions_.find(table);
    if (found == definitions_.end()) found = definitions_.emplace(table, reader().table(table)).first;
    return found->second;
  }

  // An idle worker, or a new one; a worker whose call failed is dropped (its sessions may be in
  // a failed transaction or the middle of a COPY), closing its sessions.
  std::unique_ptr<PgWorker> take_worker() {
    std::lock_guard lock(workers_mutex_);
    if (idle_.empty()) return std::make_unique<PgWorker>();
    std::unique_ptr<PgWorker> worker = std::move(idle_.back());
    idle_.pop_back();
    return worker;
  }

  void give_back(std::unique_ptr<PgWorker> worker) {
    std::lock_guard lock(workers_mutex_);
    idle_.push_back(std::move(worker));
  }

  PgSession& source_of(PgWorker& worker) {
    if (!worker.source) {
      auto session = open(from_, true);
      session->execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "start a snapshot");
      session->execute("SET TRANSACTION SNAPSHOT '" + snapshot_ + "'", "share the snapshot");
      worker.source = std::move(session);
    }
    return *worker.source;
  }

  PgSession& target_of(PgWorker& worker) {
    if (!worker.target) worker.target = open(to_, false);
    return *worker.target;
  }

  Databases& databases_;
  Dsn from_;
  Dsn to_;
  CopyOptions options_;
  std::mutex source_mutex_;  // guards the snapshot holder's session and the definitions
  std::unique_ptr<PgSession> snapshot_holder_;
  std::string snapshot_;
  std::string version_;
  std::map<std::string, PgTable> definitions_;
  std::unique_ptr<PgTargetSchema> target_;
  std::mutex workers_mutex_;
  std::vector<std::unique_ptr<PgWorker>> idle_;
};

}  // namespace

std::unique_ptr<DatabaseCopier> make_postgresql_copier(Databases& databases, const Dsn& from, const Dsn& to,
                                                       const CopyOptions& options) {
  return std::make_unique<PostgresqlCopier>(databases, from, to, options);
}

}  // namespace planrun
