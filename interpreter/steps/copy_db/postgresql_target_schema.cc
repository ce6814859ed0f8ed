#include "interpreter/steps/copy_db/postgresql_target_schema.h"

#include <algorithm>
#include <atomic>
#include <set>

#include "interpreter/parallel/run_all.h"

#include "interpreter/databases/dialect/postgresql_dialect.h"

namespace planrun {
namespace {

// Index builds sort in memory rather than in temporary files.
constexpr const char* kBuildMemory = "SET maintenance_work_mem = '512MB'";
// A foreign key's check joins the two tables: in memory, it takes half the time of the default.
constexpr const char* kJoinMemory = "SET work_mem = '256MB'";

std::string doing(const PgTableObject& object) { return "add " + object.name + " to table " + object.table; }

// Runs each object's SQL once, `jobs` at a time, each worker on its own session; rethrows the
// first failure once every worker has stopped.
void run_in_parallel(const std::vector<PgTableObject>& objects, int jobs,
                     const std::function<std::unique_ptr<PgSession>()>& open) {
  if (objects.empty()) return;
  std::atomic<size_t> next{0};
  run_all(std::min(objects.size(), static_cast<size_t>(std::max(jobs, 1))), [&](const RunAllThread& thread) {
    std::unique_ptr<PgSession> session = open();
    session->execute(kBuildMemory, "prepare index builds");
    for (size_t at = next++; at < objects.size() && !thread.failed(); at = next++)
      session->execute(objects[at].sql, doing(objects[at]));
  });
}

}  // namespace

std::vector<std::string> PgTargetSchema::relations() {
  PgResult found = session_->query(
      "SELECT CASE WHEN n.nspname = current_schema() THEN c.relname ELSE n.nspname || '.' || c.relname END "
      "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
      "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
      "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%' ORDER BY 1",
      {}, "list the tables");
  std::vector<std::string> names;
  for (int row = 0; row < found.rows(); ++row) names.push_back(found.text(row, 0));
  return names;
}

void PgTargetSchema::create(const std::vector<PgTable>& tables, const std::vector<PgSequence>& sequences) {
  for (const PgSequence& sequence : sequences)
    if (!sequence.identity)
      session_->execute(
          "CREATE SEQUENCE IF NOT EXISTS " + PostgresqlDialect::quote_identifier(sequence.name) + " " + sequence.options,
                        "create sequence " + sequence.name);
  for (const PgTable& table : tables) {
    bool exists = session_->query(kTableOidByName, {table.name}, "look for table " + table.name).rows() > 0;
    if (!exists) session_->execute(table.create, "create table " + table.name);
  }
}

std::vector<PgTableObject> PgTargetSchema::missing(const std::vector<PgTableObject>& objects, bool indexes) {
  std::string sql = indexes ? std::string("SELECT '', c.relname FROM pg_catalog.pg_class c WHERE c.relkind = 'i' "
                                          "AND c.relnamespace = ") + kCurrentSchemaOid
                            : std::string("SELECT t.relname, k.conname FROM pg_catalog.pg_constraint k JOIN "
                                          "pg_catalog.pg_class t ON t.oid = k.conrelid WHERE t.relnamespace = ") +
                                  kCurrentSchemaOid;
  PgResult found = session_->query(sql, {}, "list what the target holds");
  std::set<std::pair<std::string, std::string>> present;
  for (int row = 0; row < found.rows(); ++row) present.emplace(found.text(row, 0), found.text(row, 1));
  std::vector<PgTableObject> absent;
  for (const PgTableObject& object : objects)
    if (!present.contains({indexes ? "" : object.table, object.name})) absent.push_back(object);
  return absent;
}

void PgTargetSchema::finish(const PgSchemaPlan& plan, int jobs,
                            const std::function<std::unique_ptr<PgSession>()>& open) {
  std::vector<PgTableObject> builds = missing(plan.keys, false);
  for (PgTableObject& index : missing(plan.indexes, true)) builds.push_back(std::move(index));
  run_in_parallel(builds, jobs, open);
  session_->execute(kJoinMemory, "prepare foreign key checks");
  for (const PgTableObject& check : missing(plan.checks, false)) session_->execute(check.sql, doing(check));
  // One at a time: two foreign keys between the same tables, added at once, can deadlock.
  for (const PgTableObject& key : missing(plan.foreign_keys, false)) session_->execute(key.sql, doing(key));
  create_views(plan.views);
  set_sequences(plan.sequences);
}

// A view can read another view: each round makes those whose views exist, until none is left.
void PgTargetSchema::create_views(const std::vector<PgView>& views) {
  std::vector<const PgView*> pending;
  for (const PgView& view : views) pending.push_back(&view);
  while (!pending.empty()) {
    std::vector<const PgView*> failed;
    std::optional<DatabaseError> first_failure;
    for (const PgView* view : pending) {
      try {
        session_->execute(view->sql, "create view " + view->name);
      } catch (const DatabaseError& error) {
        failed.push_back(view);
        if (!first_failure) first_failure = error;
      }
    }
    if (failed.size() == pending.size()) throw *first_failure;
    pending = failed;
  }
}

void PgTargetSchema::set_sequences(const std::vector<PgSequenceState>& sequences) {
  for (const PgSequenceState& state : sequences) {
    const PgSequence& sequence = state.sequence;
    std::string name = PostgresqlDialect::quote_identifier(sequence.name);
    if (!sequence.owner_table.empty() && !sequence.identity)
      session_->execute("ALTER SEQUENCE " + name + " OWNED BY " +
                            PostgresqlDialect::quote_identifier(sequence.owner_table) + "." +
                            PostgresqlDialect::quote_identifier(sequence.owner_column),
                        "give sequence " + sequence.name + " to its column");
    session_->query("SELECT pg_catalog.setval($1, $2::bigint, $3::boolean)",
                    {name, state.last_value, state.is_called ? "true" : "false"},
                    "set sequence " + sequence.name);
  }
}

void PgTargetSchema::drop(const std::vector<std::string>& tables, const std::vector<PgView>& views,
                          const std::vector<PgSequence>& sequences) {
  for (auto view = views.rbegin(); view != views.rend(); ++view)
    session_->execute("DROP VIEW IF EXISTS " + PostgresqlDialect::quote_identifier(view->name) + " CASCADE",
                      "drop view " + view->name);
  for (const std::string& table : tables)
    session_->execute("DROP TABLE IF EXISTS " + PostgresqlDialect::quote_identifier(table) + " CASCADE",
                      "drop table " + table);
  for (const PgSequence& sequence : sequences)
    if (!sequence.identity)
      session_->execute("DROP SEQUENCE IF EXISTS " + PostgresqlDialect::quote_identifier(sequence.name),
                        "drop sequence " + sequence.name);
}

}  // namespace planrun
