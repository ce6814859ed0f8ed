// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/copy_db/copy_db_step.h"
#include "interpreter/steps/copy_db/copy_db_fields.h"

#include <algorithm>
#include <mutex>
#include <set>
#include <tuple>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/parallel/run_all.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/steps/copy_db/copy_journal.h"
#include "interpreter/steps/copy_db/database_copier.h"
#include "interpreter/steps/copy_db/h2_file_copy.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;
using Unit = ProgressReporter::Unit;

const CopyDbFields& fields() { return copy_db_fields(); }

std::string joined(const std::vector<std::string>& names, size_t shown = 5) {
  std::string text;
  for (size_t i = 0; i < names.size() && i < shown; ++i) text += (i ? ", " : "") + names[i];
  if (names.size() > shown) text += " and " + std::to_string(names.size() - shown) + " more";
  return text;
}

// The source tables `tables` and `exclude_tables` select; a name in either that the source
// does not hold is an error (a typo would otherwise copy too much or too little, silently).
std::vector<std::string> select_tables(const std::vector<std::string>& source, const Value::Map& given) {
  std::set<std::string> present(source.begin(), source.end());
  auto wanted = fields().tables.find(given);
  auto excluded = fields().exclude_tables.find(given).value_or(std::vector<std::string>{});
  std::vector<std::string> unknown;
  for (const auto* list : {wanted ? &*wanted : nullptr, &excluded})
    for (const std::string& name : list ? *list : std::vector<std::string>{})
      if (!present.count(name)) unknown.push_back(name);
  if (!unknown.empty())
    throw StepFailure(Kind::Precondition, "the source has no table named " + joined(unknown, 10) +
                                              " (tables and exclude_tables name source tables exactly)");
  std::set<std::string> skip(excluded.begin(), excluded.end());
  std::vector<std::string> selected;
  for (const std::string& table : wanted ? *wanted : source)
    if (!skip.count(table)) selected.push_back(table);
  return selected;
}

// One copy-db run: the copier, the journal, the progress and the workers.
class CopyRun {
 public:
  CopyRun(StepContext& context, DatabaseCopier& copier, CopyJournal& journal)
      : context_(context), copier_(copier), journal_(journal) {}

  void copy(const std::vector<std::string>& tables, int jobs) {
    std::vector<std::string> pending;
    std::map<std::string, TableEstimate> estimates;
    uint64_t total_rows = 0, done_rows = 0;
    for (const std::string& table : tables) {
      estimates[table] = copier_.estimate(table);
      auto copied = journal_.copied().find(table);
      uint64_t rows = copied != journal_.copied().end() ? static_cast<uint64_t>(copied->second.rows) : 0;
      total_rows += copied != journal_.copied().end() ? rows : estimates[table].rows;
      done_rows += rows;
      if (copied == journal_.copied().end()) pending.push_back(table);
    }
    if (pending.size() < tables.size())
      context_.log.info(std::to_string(tables.size() - pending.size()) + " of " + std::to_string(tables.size()) +
                        " tables were copied by an earlier attempt; copying the other " +
                        std::to_string(pending.size()));
    context_.progress.set_total(total_rows, Unit::Rows);
    context_.progress.set_done(done_rows);
    context_.progress.set_counter("bytes", 0, 0, Unit::Bytes);
    // The largest first (by bytes, else rows, where a copier cannot tell bytes cheaply), so
    // the last table to finish is a small one.
    std::stable_sort(pending.begin(), pending.end(), [&](const std::string& a, const std::string& b) {
      const TableEstimate &left = estimates.at(a), &right = estimates.at(b);
      return std::tie(left.bytes, left.rows) > std::tie(right.bytes, right.rows);
    });
    for_each_in_parallel(pending, jobs, [&](const std::string& table) {
      std::string counter = "table " + table;
      context_.progress.set_counter(counter, 0, estimates.at(table).rows, Unit::Rows);
      TableSummary summary = copier_.copy_table(
          table,
          [&](uint64_t rows, uint64_t bytes) {
            context_.progress.advance(rows);
            context_.progress.add_to_counter(counter, rows);
            context_.progress.add_to_counter("bytes", bytes);
          },
          context_.cancel);
      std::lock_guard lock(journal_mutex_);
      journal_.table_copied(table, summary);
      context_.log.info("copied " + table + ": " + std::to_string(summary.rows) + " rows");
    });
  }

  void verify(const std::vector<std::string>& tables, int jobs) {
    std::vector<std::string> mismatches;
    std::mutex mismatch_mutex;
    for_each_in_parallel(tables, jobs, [&](const std::string& table) {
      TableSummary source = journal_.copied().at(table);
      TableSummary target = copier_.target_summary(table);
      if (source == target) return;
      std::lock_guard lock(mismatch_mutex);
      mismatches.push_back(table + " (source " + std::to_string(source.rows) + " rows, checksum " + source.checksum +
                           "; target " + std::to_string(target.rows) + " rows, checksum " + target.checksum + ")");
    });
    if (mismatches.empty()) {
      context_.log.info("verified " + std::to_string(tables.size()) + " tables: row counts and checksums match");
      return;
    }
    std::sort(mismatches.begin(), mismatches.end());
    throw StepFailure(Kind::Failed, "the copy differs from the source in " + std::to_string(mismatches.size()) +
                                        (mismatches.size() == 1 ? " table: " : " tables: ") + joined(mismatches, 10));
  }

 private:
  // Runs `work` on each name from `jobs` threads. The first failure stops the others from
  // taking another table (the one each is copying finishes and is recorded) and is rethrown;
  // once cancellation is asked for, the names left are passed over.
  void for_each_in_parallel(const std::vector<std::string>& names, int jobs,
                            const std::function<void(const std::string&)>& work) {
    for_each_index(names.size(), static_cast<size_t>(std::max(jobs, 1)), [&](size_t index) {
      if (!context_.cancel.requested()) work(names[index]);
    });
    if (context_.cancel.requested()) throw StepFailure(Kind::Cancelled, "stopped as asked");
  }

  StepContext& context_;
  DatabaseCopier& copier_;
  CopyJournal& journal_;
  std::mutex journal_mutex_;
};

std::unique_ptr<DatabaseCopier> open_copier(StepContext& context, const Dsn& from, const Dsn& to) {
  // A missing service is a bug in planrun (exit 70), not a failure of the plan.
  if (!context.services.databases) throw std::logic_error("the executor gave the step no Databases service");
  CopyOptions options{.jobs = static_cast<int>(std::clamp<int64_t>(fields().jobs.read(context.fields), 1, 64)),
                      .batch_rows = std::max<int64_t>(1, fields().batch_rows.read(context.fields)),
                      .cancel = &context.cancel};
  return make_database_copier(*context.services.databases, from, to, options);
}

void copy(StepContext& context, const Dsn& from, const Dsn& to) {
  std::unique_ptr<DatabaseCopier> copier = open_copier(context, from, to);
  CopyJournal journal(context.checkpoints);
  std::vector<std::string> tables = select_tables(copier->source_tables(), context.fields);
  std::string version = copier->source_version();
  if (journal.started() && journal.started()->source_version != version) {
    context.log.warn("the source was written since the interrupted attempt; the " +
                     std::to_string(journal.copied().size()) +
                     " tables it copied are dropped and the copy starts over, from one snapshot");
    copier->drop_tables(journal.started()->tables);
    journal.forget();
  }
  if (!journal.started()) {
    std::vector<std::string> present = copier->target_tables();
    if (!present.empty())
      throw StepFailure(Kind::Precondition, "the target " + to.to_string() + " must be empty but holds " +
                                                std::to_string(present.size()) +
                                                (present.size() == 1 ? " table: " : " tables: ") + joined(present));
    journal.start({version, to.to_string(), tables});
  }
  int jobs = static_cast<int>(std::clamp<int64_t>(fields().jobs.read(context.fields), 1, 64));
  copier->create_tables(tables);
  CopyRun run(context, *copier, journal);
  run.copy(tables, jobs);
  if (!journal.schema_finished()) {
    context.log.info("creating indexes, constraints, views and identity state");
    copier->finish_schema(tables);
    journal.finish_schema();
  }
  if (fields().verify.read(context.fields)) run.verify(tables, jobs);
  int64_t rows = 0;
  for (const auto& [table, summary] : journal.copied()) rows += summary.rows;
  context.outputs["tables"] = Value(static_cast<int64_t>(tables.size()));
  context.outputs["rows"] = Value(rows);
}

}  // namespace

const StepSchema& CopyDbStep::schema() const { return copy_db_schema(); }

std::vector<std::string> CopyDbStep::describe(const DescribeContext& context) const {
  std::string which = "every table";
  if (auto tables = fields().tables.find(context.fields)) which = "the tables " + joined(*tables);
  if (auto excluded = fields().exclude_tables.find(context.fields)) which += " except " + joined(*excluded);
  std::string verify = fields().verify.read(context.fields) ? ", then verify row counts and checksums" : "";
  return {context.masker.mask("would copy " + which + " of " + fields().from.read(context.fields).to_string() +
                              " into the empty " + fields().to.read(context.fields).to_string() + verify)};
}

void CopyDbStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  Dsn from = fields().from.read(context.fields);
  Dsn to = fields().to.read(context.fields);
  try {
    if (from.kind == Dsn::Kind::H2 && to.kind == Dsn::Kind::H2)
      return copy_h2_files(context, from, to, fields().verify.read(context.fields));
    copy(context, from, to);
  } catch (const DatabaseError& error) {
    throw StepFailure(Kind::Failed, masker.mask(error.what()));
  } catch (const EnvironmentError& error) {
    throw StepFailure(Kind::Failed, masker.mask(error.what()));
  } catch (const StepFailure& failure) {
    throw StepFailure(failure.kind, masker.mask(failure.what()));
  }
}

void CopyDbStep::discard_partial_work(StepContext& context) const {
  Dsn from = fields().from.read(context.fields);
  Dsn to = fields().to.read(context.fields);
  if (from.kind == Dsn::Kind::H2 && to.kind == Dsn::Kind::H2) return discard_h2_copy(context, from, to);
  CopyJournal journal(context.checkpoints);
  if (!journal.started()) return;
  if (journal.started()->target != to.to_string()) {
    context.log.warn("the interrupted attempt copied into " + journal.started()->target +
                     ", not this step's target; its tables there are left as they are");
    return;
  }
  try {
    open_copier(context, from, to)->drop_tables(journal.started()->tables);
  } catch (const DatabaseError& error) {
    throw StepFailure(Kind::Failed, StepSecretMasker(context).mask(error.what()));
  }
}

}  // namespace planrun
