#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/state/run_record.h"
#include "interpreter/state/state_access.h"
#include "interpreter/state/state_error.h"
#include "interpreter/state/step_record.h"

namespace planrun {

// The durable memory of the executor: runs, step status and fingerprints, outputs and per-step
// checkpoints, in <state_dir>/state.db (format: state_schema.h).
//
// Every write is one transaction. After kill -9 every write that returned survives: it is in
// the kernel's hands. Against a power cut, writes are durable when the call returns (WAL,
// synchronous=FULL) except those marked relaxed below, which become durable with the next
// synced write (WAL frames reach the disk in order, so a power cut loses a tail, never a hole):
// losing one only makes planrun run a step again, never believe a step done that is not.
// finish_run is synced, so a run that ended has all its records on disk. All methods may be called from
// several threads at once (one connection behind a mutex). Failures the user can act on (disk
// full, corrupt file, newer schema) throw StateError; misuse by the caller (marking done a step
// that is not running, a checkpoint for a step without a record) throws std::logic_error.
class StateStore {
 public:
  using Access = StateAccess;  // state_access.h

  // Opens <state_dir>/state.db, creating the directory (mode 0700, with a .gitignore of "*") and
  // the database when absent, and migrating an older schema. Step records and checkpoints are
  // those of the plan `plan_key` (see plan_key.h): plans sharing a state directory never see or
  // reset each other's. Throws StateError when the file is not a SQLite database, is corrupt, is
  // not planrun state, or has a newer schema (ReadOnly: or an older one, or no file).
  explicit StateStore(const std::filesystem::path& state_dir, std::string plan_key = "",
                      Access access = Access::ReadWrite);
  ~StateStore();
  StateStore(const StateStore&) = delete;
  StateStore& operator=(const StateStore&) = delete;

  const std::filesystem::path& file() const;
  const std::string& plan_key() const;

  // Runs: one per invocation, kept as history. `outcome` is free text for `status`; the executor
  // writes "succeeded", "failed" or "interrupted". A run never finished was cut short by a crash.
  // Relaxed: a run whose record a power cut took had no synced step record either.
  int64_t begin_run(const std::string& plan_path, const std::string& plan_fingerprint,
                    const std::string& params_json);
  void finish_run(int64_t run_id, const std::string& outcome);
  std::vector<RunRecord> runs() const;  // oldest first; the plan's own, or every run for plan key ""

  // Step records. No record means pending.
  std::optional<StepRecord> step_state(const std::string& step_id) const;
  std::vector<StepRecord> all_steps() const;  // ordered by step id
  // Every plan with step records in this state directory, sorted ('' for records of schema 1).
  std::vector<std::string> plan_keys() const;

  // Records the start of an attempt and counts it. The only write not flushed on its own: it is
  // durable once any later write is (a checkpoint, done, failed), and losing it to a power cut
  // only makes an interrupted step look pending, which reruns it just the same. When the recorded fingerprint differs, the
  // step's checkpoints belong to another definition: they are dropped and attempts restart at 1.
  // `inputs_json` keeps the fingerprinted fields, to say later what changed.
  void mark_running(const std::string& step_id, const std::string& fingerprint, int64_t run_id,
                    const std::string& inputs_json = "");
  // The step must be running; its effects must already be durable. Synced for steps whose effects
  // planrun made durable (copies, backups); Relaxed for steps whose effects it cannot sync (a
  // command's writes, a check), which a power cut may undo as well: such a step runs again.
  using Durability = WriteDurability;
  void mark_done(const std::string& step_id, const std::string& outputs_json,
                 Durability durability = Durability::Synced);
  // Relaxed: losing it makes the step look interrupted, which resumes it the same way.
  void mark_failed(const std::string& step_id, const std::string& message);
  // A step that will not run in this run (an upstream failed, a condition is false); it may have
  // no record yet. Keeps its fingerprint and checkpoints for a later resume. Relaxed.
  void mark_skipped(const std::string& step_id, int64_t run_id, const std::string& reason);

  // Forgets a step (record and checkpoints): its inputs changed, or --fresh / --from.
  void reset_step(const std::string& step_id);
  // Forgets several steps in one transaction: all of them, or none after a crash (--from).
  void reset_steps(const std::vector<std::string>& step_ids);
  // Forgets every step of the plan; the run history stays.
  void reset_all();

  // Checkpoints: progress inside a step, durable on return. The step must have a record
  // (mark_running first). put_checkpoints writes several in one transaction (one fsync).
  void put_checkpoint(const std::string& step_id, const std::string& key,
                      const std::string& value);
  void put_checkpoints(const std::string& step_id, const std::map<std::string, std::string>& values);
  std::optional<std::string> checkpoint(const std::string& step_id, const std::string& key) const;
  std::map<std::string, std::string> checkpoints(const std::string& step_id) const;

 private:
  void claim_unowned_records();

  struct Impl;
  std::unique_ptr<Impl> impl_;
 public:
  // Forgets one checkpoint of a step (a step that restarts a part of its work); durable on return.
  void delete_checkpoint(const std::string& step_id, const std::string& key);
};

}  // namespace planrun
