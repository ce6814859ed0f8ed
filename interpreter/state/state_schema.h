#pragma once

#include <filesystem>

namespace soci {
class session;
}

namespace planrun {

// The format of state.db, a SQLite database in WAL mode written with synchronous=FULL, so a
// transaction is durable once COMMIT returns; a torn WAL tail (power cut mid-write) is discarded
// by SQLite's frame checksums, losing only the transaction that was being written.
//
// Timestamps are INTEGER milliseconds since the Unix epoch, UTC (WallTime); NULL when not reached.
//
//   meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)
//     'schema_version'  the version below; a binary refuses a newer one and migrates an older one
//     'created_at'      when the store was created
//
//   runs                        one row per `planrun run`; never deleted (history for `status`)
//     id INTEGER PRIMARY KEY
//     plan_path TEXT            as given on the command line
//     plan_key TEXT             the plan the run belongs to (see plan_key.h)
//     plan_fingerprint TEXT     of the compiled plan
//     params_json TEXT          resolved parameters, secrets already removed by the caller
//     started_at, finished_at   finished_at NULL: still running, or the process died
//     outcome TEXT              NULL until finished; e.g. 'succeeded', 'failed', 'interrupted'
//
//   steps                       one row per step of a plan that ever started or was skipped;
//                               no row means pending
//     plan_key TEXT, step_id TEXT, PRIMARY KEY (plan_key, step_id): records belong to a plan,
//                               so plans sharing a state directory never share or wipe them
//     status TEXT               'pending' | 'running' | 'done' | 'failed' | 'skipped';
//                               'running' found at start-up means the process died inside it
//     fingerprint TEXT          of the definition and inputs the status belongs to ('' if unknown)
//     attempts INTEGER          starts of this fingerprint (reset when the fingerprint changes)
//     started_at, finished_at   of the latest attempt
//     outputs_json TEXT         set when done, NULL otherwise
//     message TEXT              why it failed, or why it was skipped
//     run_id INTEGER            -> runs(id): the run that last touched the step
//     inputs_json TEXT          the fingerprinted fields (secrets as keyed hashes) of the latest
//                               start, to say what changed when a resume is refused
//
//   checkpoints                 progress inside one step (a table copied, a file copied), so an
//                               interrupted step resumes; belongs to the step's current fingerprint
//     (plan_key, step_id) -> steps ON DELETE CASCADE
//     key TEXT, value TEXT, PRIMARY KEY (plan_key, step_id, key)
//
// The run lock is not in this file but beside it (see lock_file.h): a lock must be taken before
// the database is opened, must be readable when the database is not (newer schema, corrupt), and
// its heartbeat must not contend with step writes.
class StateSchema {
 public:
  // The newest schema version this binary reads and writes.
  static int current_version();

  // Brings the database in `sql` to current_version() inside one write transaction: creates it
  // when empty, migrates an older one. Throws StateError for a newer version or a SQLite database
  // that is not planrun state; `file` names the database in those messages.
  static void upgrade(soci::session& sql, const std::filesystem::path& file);
  // True for a database without tables (a store whose creation was interrupted).
  static bool is_empty(soci::session& sql);
  // For readers that must not write: throws StateError unless the schema is current_version().
  static void check(soci::session& sql, const std::filesystem::path& file);
};

}  // namespace planrun
