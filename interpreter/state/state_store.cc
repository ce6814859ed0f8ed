#include "interpreter/state/state_store.h"

#include <soci/soci.h>

#include <stdexcept>

#include "interpreter/state/state_connection.h"
#include "interpreter/state/state_dir.h"

namespace planrun {

namespace fs = std::filesystem;
using soci::into;
using soci::use;

// The connection, and the plan whose records this store reads and writes.
struct StateStore::Impl {
  Impl(fs::path database, std::string plan_key, Access access)
      : connection(std::move(database), access), plan(std::move(plan_key)) {}

  StateConnection connection;
  std::string plan;
};

static long long now_ms() { return to_epoch_ms(wall_now()); }

static std::optional<WallTime> optional_time(long long ms, soci::indicator indicator) {
  if (indicator != soci::i_ok) return std::nullopt;
  return from_epoch_ms(ms);
}

static std::string optional_text(const std::string& text, soci::indicator indicator) {
  return indicator == soci::i_ok ? text : std::string();
}

// The columns of one steps row, bound to a statement that fetches them.
struct StepRow {
  static constexpr const char* kSelect =
      "SELECT step_id, status, fingerprint, attempts, started_at, finished_at, outputs_json,"
      " message, run_id, inputs_json FROM steps WHERE plan_key = :plan";

  std::string step_id, status, fingerprint, outputs_json, message, inputs_json;
  int attempts = 0;
  long long started_at = 0, finished_at = 0, run_id = 0;
  soci::indicator started_set{}, finished_set{}, outputs_set{}, message_set{}, run_set{}, inputs_set{};

  void bind(soci::statement& statement) {
    statement.exchange(into(step_id));
    statement.exchange(into(status));
    statement.exchange(into(fingerprint));
    statement.exchange(into(attempts));
    statement.exchange(into(started_at, started_set));
    statement.exchange(into(finished_at, finished_set));
    statement.exchange(into(outputs_json, outputs_set));
    statement.exchange(into(message, message_set));
    statement.exchange(into(run_id, run_set));
    statement.exchange(into(inputs_json, inputs_set));
  }

  StepRecord record(const fs::path& file) const {
    std::optional<StepStatus> parsed = parse_step_status(status);
    if (!parsed) {
      throw StateError(file.string() + " is corrupt: step '" + step_id + "' has status '" +
                       status + "'");
    }
    return StepRecord{step_id,
                      *parsed,
                      fingerprint,
                      attempts,
                      optional_time(started_at, started_set),
                      optional_time(finished_at, finished_set),
                      optional_text(outputs_json, outputs_set),
                      optional_text(message, message_set),
                      run_set == soci::i_ok ? std::optional<int64_t>(run_id) : std::nullopt,
                      optional_text(inputs_json, inputs_set)};
  }
};

// All steps of the plan, or the one named `step_id` when given.
static std::vector<StepRecord> select_steps(soci::session& sql, const fs::path& file, const std::string& plan,
                                            const std::string* step_id) {
  StepRow row;
  soci::statement statement(sql);
  row.bind(statement);
  std::string query = StepRow::kSelect;
  statement.exchange(use(plan));
  if (step_id) {
    statement.exchange(use(*step_id));
    query += " AND step_id = :step_id";
  }
  statement.alloc();
  statement.prepare(query + " ORDER BY step_id");
  statement.define_and_bind();
  statement.execute(false);
  std::vector<StepRecord> records;
  while (statement.fetch()) records.push_back(row.record(file));
  return records;
}

// What a step's record says about the definition it ran under.
struct RecordedAttempts {
  std::string fingerprint;
  int attempts = 0;
};

static std::optional<RecordedAttempts> recorded_attempts(soci::session& sql, const std::string& plan,
                                                         const std::string& step_id) {
  RecordedAttempts recorded;
  sql << "SELECT fingerprint, attempts FROM steps WHERE plan_key = :plan AND step_id = :step_id", use(plan),
      use(step_id), into(recorded.fingerprint), into(recorded.attempts);
  if (!sql.got_data()) return std::nullopt;
  return recorded;
}

// Runs an UPDATE of one step that only applies while the step is running.
static void update_running_step(soci::statement statement, const char* what,
                                const std::string& step_id) {
  statement.execute(true);
  if (statement.get_affected_rows() == 0) {
    throw std::logic_error(std::string(what) + ": step '" + step_id + "' is not running");
  }
}

static fs::path database_file(const fs::path& state_dir, StateStore::Access access) {
  if (access == StateStore::Access::ReadOnly) return StateDir(state_dir).database();
  return StateDir::prepare(state_dir).database();
}

StateStore::StateStore(const fs::path& state_dir, std::string plan_key, Access access)
    : impl_(std::make_unique<Impl>(database_file(state_dir, access), std::move(plan_key), access)) {
  if (access == Access::ReadWrite && !impl_->plan.empty()) claim_unowned_records();
}

// Records written before they belonged to plans (schema 1) go to the first plan that opens the
// store without records of its own: version 1 gave them to whichever plan ran next, too.
void StateStore::claim_unowned_records() {
  impl_->connection.write([&](soci::session& sql) {
    int own = 0, unowned = 0;
    sql << "SELECT count(*) FROM steps WHERE plan_key = :plan", use(impl_->plan), into(own);
    sql << "SELECT count(*) FROM steps WHERE plan_key = ''", into(unowned);
    if (own > 0 || unowned == 0) return;
    sql << "PRAGMA defer_foreign_keys = ON";
    sql << "UPDATE steps SET plan_key = :plan WHERE plan_key = ''", use(impl_->plan);
    sql << "UPDATE checkpoints SET plan_key = :plan WHERE plan_key = ''", use(impl_->plan);
    sql << "UPDATE runs SET plan_key = :plan WHERE plan_key = ''", use(impl_->plan);
  });
}

StateStore::~StateStore() = default;

const fs::path& StateStore::file() const { return impl_->connection.file(); }

const std::string& StateStore::plan_key() const { return impl_->plan; }

int64_t StateStore::begin_run(const std::string& plan_path, const std::string& plan_fingerprint,
                              const std::string& params_json) {
  long long id = 0;
  impl_->connection.write_relaxed([&](soci::session& sql) {
    long long now = now_ms();
    sql << "INSERT INTO runs (plan_path, plan_fingerprint, params_json, started_at, plan_key)"
           " VALUES (:plan_path, :plan_fingerprint, :params_json, :now, :plan)",
        use(plan_path), use(plan_fingerprint), use(params_json), use(now), use(impl_->plan);
    sql.get_last_insert_id("runs", id);
  });
  return id;
}

void StateStore::finish_run(int64_t run_id, const std::string& outcome) {
  impl_->connection.write([&](soci::session& sql) {
    long long id = run_id, now = now_ms();
    soci::statement statement =
        (sql.prepare << "UPDATE runs SET finished_at = :now, outcome = :outcome WHERE id = :id",
         use(now), use(outcome), use(id));
    statement.execute(true);
    if (statement.get_affected_rows() == 0) {
      throw std::logic_error("finish_run: no run " + std::to_string(run_id));
    }
  });
}

std::vector<RunRecord> StateStore::runs() const {
  return impl_->connection.locked([&](soci::session& sql) {
    RunRecord run;
    int every_plan = impl_->plan.empty();
    long long id = 0, started_at = 0, finished_at = 0;
    std::string outcome;
    soci::indicator finished_set{}, outcome_set{};
    soci::statement statement =
        (sql.prepare << "SELECT id, plan_path, plan_fingerprint, params_json, started_at,"
                        " finished_at, outcome, plan_key FROM runs"
                        " WHERE :every_plan = 1 OR plan_key = :plan ORDER BY id",
         use(every_plan), use(impl_->plan),
         into(id), into(run.plan_path), into(run.plan_fingerprint), into(run.params_json),
         into(started_at), into(finished_at, finished_set), into(outcome, outcome_set), into(run.plan_key));
    statement.execute(false);
    std::vector<RunRecord> runs;
    while (statement.fetch()) {
      run.id = id;
      run.started_at = from_epoch_ms(started_at);
      run.finished_at = optional_time(finished_at, finished_set);
      run.outcome = optional_text(outcome, outcome_set);
      runs.push_back(run);
    }
    return runs;
  });
}

std::optional<StepRecord> StateStore::step_state(const std::string& step_id) const {
  return impl_->connection.locked([&](soci::session& sql) -> std::optional<StepRecord> {
    std::vector<StepRecord> records = select_steps(sql, impl_->connection.file(), impl_->plan, &step_id);
    if (records.empty()) return std::nullopt;
    return records.front();
  });
}

std::vector<StepRecord> StateStore::all_steps() const {
  return impl_->connection.locked(
      [&](soci::session& sql) { return select_steps(sql, impl_->connection.file(), impl_->plan, nullptr); });
}

std::vector<std::string> StateStore::plan_keys() const {
  return impl_->connection.locked([&](soci::session& sql) {
    std::string key;
    soci::statement statement = (sql.prepare << "SELECT DISTINCT plan_key FROM steps ORDER BY plan_key", into(key));
    statement.execute(false);
    std::vector<std::string> keys;
    while (statement.fetch()) keys.push_back(key);
    return keys;
  });
}

void StateStore::mark_running(const std::string& step_id, const std::string& fingerprint, int64_t run_id,
                              const std::string& inputs_json) {
  const std::string& plan = impl_->plan;
  impl_->connection.write_relaxed([&](soci::session& sql) {
    auto recorded = recorded_attempts(sql, plan, step_id);
    bool same_definition = recorded && recorded->fingerprint == fingerprint;
    if (recorded && !same_definition) {
      sql << "DELETE FROM checkpoints WHERE plan_key = :plan AND step_id = :step_id", use(plan), use(step_id);
    }
    int attempts = same_definition ? recorded->attempts + 1 : 1;
    long long now = now_ms(), run = run_id;
    sql << "INSERT INTO steps (plan_key, step_id, status, fingerprint, attempts, started_at, run_id, inputs_json)"
           " VALUES (:plan, :step_id, 'running', :fingerprint, :attempts, :now, :run_id, :inputs)"
           " ON CONFLICT (plan_key, step_id) DO UPDATE SET status = 'running',"
           " fingerprint = excluded.fingerprint, attempts = excluded.attempts,"
           " started_at = excluded.started_at, finished_at = NULL, outputs_json = NULL,"
           " message = NULL, run_id = excluded.run_id, inputs_json = excluded.inputs_json",
        use(plan), use(step_id), use(fingerprint), use(attempts), use(now), use(run), use(inputs_json);
  });
}

void StateStore::mark_done(const std::string& step_id, const std::string& outputs_json, Durability durability) {
  impl_->connection.write(durability, [&](soci::session& sql) {
    long long now = now_ms();
    update_running_step(
        (sql.prepare << "UPDATE steps SET status = 'done', finished_at = :now,"
                        " outputs_json = :outputs_json WHERE plan_key = :plan AND step_id = :step_id"
                        " AND status = 'running'",
         use(now), use(outputs_json), use(impl_->plan), use(step_id)),
        "mark_done", step_id);
  });
}

void StateStore::mark_failed(const std::string& step_id, const std::string& message) {
  impl_->connection.write_relaxed([&](soci::session& sql) {
    long long now = now_ms();
    update_running_step(
        (sql.prepare << "UPDATE steps SET status = 'failed', finished_at = :now,"
                        " message = :message WHERE plan_key = :plan AND step_id = :step_id"
                        " AND status = 'running'",
         use(now), use(message), use(impl_->plan), use(step_id)),
        "mark_failed", step_id);
  });
}

void StateStore::mark_skipped(const std::string& step_id, int64_t run_id,
                              const std::string& reason) {
  impl_->connection.write_relaxed([&](soci::session& sql) {
    long long now = now_ms(), run = run_id;
    sql << "INSERT INTO steps (plan_key, step_id, status, fingerprint, finished_at, message, run_id)"
           " VALUES (:plan, :step_id, 'skipped', '', :now, :reason, :run_id)"
           " ON CONFLICT (plan_key, step_id) DO UPDATE SET status = 'skipped',"
           " finished_at = excluded.finished_at, outputs_json = NULL,"
           " message = excluded.message, run_id = excluded.run_id",
        use(impl_->plan), use(step_id), use(now), use(reason), use(run);
  });
}

void StateStore::reset_step(const std::string& step_id) { reset_steps({step_id}); }

void StateStore::reset_steps(const std::vector<std::string>& step_ids) {
  const std::string& plan = impl_->plan;
  impl_->connection.write([&](soci::session& sql) {
    for (const std::string& step_id : step_ids) {
      sql << "DELETE FROM checkpoints WHERE plan_key = :plan AND step_id = :step_id", use(plan), use(step_id);
      sql << "DELETE FROM steps WHERE plan_key = :plan AND step_id = :step_id", use(plan), use(step_id);
    }
  });
}

void StateStore::reset_all() {
  impl_->connection.write([&](soci::session& sql) {
    sql << "DELETE FROM checkpoints WHERE plan_key = :plan", use(impl_->plan);
    sql << "DELETE FROM steps WHERE plan_key = :plan", use(impl_->plan);
  });
}

void StateStore::put_checkpoint(const std::string& step_id, const std::string& key,
                                const std::string& value) {
  put_checkpoints(step_id, {{key, value}});
}

void StateStore::put_checkpoints(const std::string& step_id,
                                 const std::map<std::string, std::string>& values) {
  const std::string& plan = impl_->plan;
  impl_->connection.write([&](soci::session& sql) {
    if (!recorded_attempts(sql, plan, step_id)) {
      throw std::logic_error("put_checkpoint: step '" + step_id +
                             "' has no record; mark it running first");
    }
    for (const auto& [key, value] : values) {
      sql << "INSERT INTO checkpoints (plan_key, step_id, key, value) VALUES (:plan, :step_id, :key, :value)"
             " ON CONFLICT (plan_key, step_id, key) DO UPDATE SET value = excluded.value",
          use(plan), use(step_id), use(key), use(value);
    }
  });
}

std::optional<std::string> StateStore::checkpoint(const std::string& step_id,
                                                  const std::string& key) const {
  return impl_->connection.locked([&](soci::session& sql) -> std::optional<std::string> {
    std::string value;
    sql << "SELECT value FROM checkpoints WHERE plan_key = :plan AND step_id = :step_id AND key = :key",
        use(impl_->plan), use(step_id), use(key), into(value);
    if (!sql.got_data()) return std::nullopt;
    return value;
  });
}

std::map<std::string, std::string> StateStore::checkpoints(const std::string& step_id) const {
  return impl_->connection.locked([&](soci::session& sql) {
    std::string key, value;
    soci::statement statement =
        (sql.prepare << "SELECT key, value FROM checkpoints WHERE plan_key = :plan AND step_id = :step_id",
         use(impl_->plan), use(step_id), into(key), into(value));
    statement.execute(false);
    std::map<std::string, std::string> values;
    while (statement.fetch()) values.emplace(key, value);
    return values;
  });
}

void StateStore::delete_checkpoint(const std::string& step_id, const std::string& key) {
  impl_->connection.write([&](soci::session& sql) {
    sql << "DELETE FROM checkpoints WHERE step_id = :step_id AND key = :key", use(step_id), use(key);
  });
}

}  // namespace planrun
