#include "interpreter/state/state_schema.h"

#include <soci/soci.h>

#include <string>
#include <vector>

#include "interpreter/state/immediate_transaction.h"
#include "interpreter/state/state_error.h"
#include "interpreter/state/wall_time.h"

namespace planrun {

// Migration i takes the schema from version i to version i + 1. Append, never edit: a released
// binary may have written any earlier version.
static const std::vector<std::vector<const char*>> kMigrations = {
    {
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE TABLE runs ("
        "  id INTEGER PRIMARY KEY,"
        "  plan_path TEXT NOT NULL,"
        "  plan_fingerprint TEXT NOT NULL,"
        "  params_json TEXT NOT NULL,"
        "  started_at INTEGER NOT NULL,"
        "  finished_at INTEGER,"
        "  outcome TEXT)",
        "CREATE TABLE steps ("
        "  step_id TEXT PRIMARY KEY,"
        "  status TEXT NOT NULL"
        "    CHECK (status IN ('pending', 'running', 'done', 'failed', 'skipped')),"
        "  fingerprint TEXT NOT NULL,"
        "  attempts INTEGER NOT NULL DEFAULT 0,"
        "  started_at INTEGER,"
        "  finished_at INTEGER,"
        "  outputs_json TEXT,"
        "  message TEXT,"
        "  run_id INTEGER REFERENCES runs(id))",
        "CREATE TABLE checkpoints ("
        "  step_id TEXT NOT NULL REFERENCES steps(step_id) ON DELETE CASCADE,"
        "  key TEXT NOT NULL,"
        "  value TEXT NOT NULL,"
        "  PRIMARY KEY (step_id, key)) WITHOUT ROWID",
    },
    {
        // Records belong to a plan: two plans sharing a state directory keep their own steps.
        // Rows of version 1 get the plan key '' and are claimed by the first plan that opens the
        // store (StateStore::claim_unowned_records), which is what version 1 did with them.
        "ALTER TABLE runs ADD COLUMN plan_key TEXT NOT NULL DEFAULT ''",
        "CREATE TABLE steps_v2 ("
        "  plan_key TEXT NOT NULL,"
        "  step_id TEXT NOT NULL,"
        "  status TEXT NOT NULL"
        "    CHECK (status IN ('pending', 'running', 'done', 'failed', 'skipped')),"
        "  fingerprint TEXT NOT NULL,"
        "  attempts INTEGER NOT NULL DEFAULT 0,"
        "  started_at INTEGER,"
        "  finished_at INTEGER,"
        "  outputs_json TEXT,"
        "  message TEXT,"
        "  run_id INTEGER REFERENCES runs(id),"
        "  inputs_json TEXT,"
        "  PRIMARY KEY (plan_key, step_id))",
        "INSERT INTO steps_v2 (plan_key, step_id, status, fingerprint, attempts, started_at,"
        "  finished_at, outputs_json, message, run_id)"
        "  SELECT '', step_id, status, fingerprint, attempts, started_at, finished_at,"
        "  outputs_json, message, run_id FROM steps",
        "CREATE TABLE checkpoints_v2 ("
        "  plan_key TEXT NOT NULL,"
        "  step_id TEXT NOT NULL,"
        "  key TEXT NOT NULL,"
        "  value TEXT NOT NULL,"
        "  PRIMARY KEY (plan_key, step_id, key),"
        "  FOREIGN KEY (plan_key, step_id) REFERENCES steps_v2 (plan_key, step_id)"
        "    ON DELETE CASCADE) WITHOUT ROWID",
        "INSERT INTO checkpoints_v2 SELECT '', step_id, key, value FROM checkpoints",
        "DROP TABLE checkpoints",
        "DROP TABLE steps",
        "ALTER TABLE steps_v2 RENAME TO steps",
        "ALTER TABLE checkpoints_v2 RENAME TO checkpoints",
    },
};

int StateSchema::current_version() { return static_cast<int>(kMigrations.size()); }

static bool has_table(soci::session& sql, const std::string& name) {
  int count = 0;
  sql << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = :name",
      soci::use(name), soci::into(count);
  return count > 0;
}

static int count_tables(soci::session& sql) {
  int count = 0;
  sql << "SELECT count(*) FROM sqlite_master WHERE type = 'table'", soci::into(count);
  return count;
}

// 0 for an empty database.
static int stored_version(soci::session& sql, const std::filesystem::path& file) {
  if (!has_table(sql, "meta")) {
    if (count_tables(sql) == 0) return 0;
    throw StateError(file.string() + " is a SQLite database but not planrun state (it has no meta "
                     "table); point --state at another directory");
  }
  std::string text;
  soci::indicator indicator = soci::i_null;
  sql << "SELECT value FROM meta WHERE key = 'schema_version'", soci::into(text, indicator);
  size_t end = 0;
  int version = -1;
  try {
    if (indicator == soci::i_ok) version = std::stoi(text, &end);
  } catch (const std::exception&) {
  }
  if (version < 1 || end != text.size()) {
    throw StateError(file.string() + " is corrupt: its schema_version is '" + text + "'");
  }
  return version;
}

static void check_readable(int version, const std::filesystem::path& file) {
  if (version <= StateSchema::current_version()) return;
  throw StateError("state in " + file.parent_path().string() +
                   " was written by a newer planrun (schema " + std::to_string(version) +
                   "); this planrun reads up to " + std::to_string(StateSchema::current_version()));
}

static void migrate(soci::session& sql, int from) {
  for (int version = from; version < StateSchema::current_version(); ++version) {
    for (const char* statement : kMigrations[version]) sql << statement;
  }
  std::string version = std::to_string(StateSchema::current_version());
  sql << "INSERT INTO meta (key, value) VALUES ('schema_version', :v)"
         " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      soci::use(version);
  if (from == 0) {
    std::string now = std::to_string(to_epoch_ms(wall_now()));
    sql << "INSERT INTO meta (key, value) VALUES ('created_at', :now)", soci::use(now);
  }
}

void StateSchema::upgrade(soci::session& sql, const std::filesystem::path& file) {
  // One write transaction: two processes opening a new store at once cannot both see it empty.
  ImmediateTransaction transaction(sql);
  int version = stored_version(sql, file);
  check_readable(version, file);
  if (version < current_version()) migrate(sql, version);
  transaction.commit();
}

bool StateSchema::is_empty(soci::session& sql) { return count_tables(sql) == 0; }

void StateSchema::check(soci::session& sql, const std::filesystem::path& file) {
  int version = stored_version(sql, file);
  check_readable(version, file);
  if (version == current_version()) return;
  throw StateError("state in " + file.parent_path().string() + " was written by an older planrun (schema " +
                   std::to_string(version) + "); `planrun run` upgrades it, this command only reads");
}

}  // namespace planrun
