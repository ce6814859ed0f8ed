#include "interpreter/steps/sql/sql_script_run.h"

#include <soci/soci.h>

#include <algorithm>
#include <cctype>

#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/sql/sql_failure_message.h"
#include "interpreter/steps/sql/sql_progress.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;

std::string first_word(const std::string& text) {
  size_t end = 0;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
  std::string word = text.substr(0, end);
  std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
  return word;
}

// A statement that begins or ends a transaction of its own would break the step's one.
bool manages_transactions(const std::string& statement) {
  static const char* words[] = {"begin", "commit", "rollback", "end", "start", "abort"};
  std::string word = first_word(statement);
  return std::any_of(std::begin(words), std::end(words), [&](const char* w) { return word == w; });
}

class ScriptRun {
 public:
  ScriptRun(StepContext& context, DatabaseConnection& connection, const SqlScript& script, const SqlRunOptions& options)
      : context_(context),
        connection_(connection),
        script_(script),
        options_(options),
        dialect_(connection.dialect()),
        progress_(context.checkpoints) {}

  SqlRunResult run() {
    auto registration = context_.cancel.on_request([this] { dialect_.interrupt(); });
    context_.progress.set_total(script_.statements.size(), ProgressReporter::Unit::Items);
    if (options_.transaction) in_one_transaction();
    else each_by_itself();
    return {script_.statements.size(), progress_.failed()};
  }

 private:
  // --- all or nothing ---

  void in_one_transaction() {
    for (size_t i = 0; i < script_.statements.size(); ++i)
      if (manages_transactions(script_.statements[i].statement.text))
        throw StepFailure(Kind::Failed, script_.location_of(script_.statements[i]) +
                                            ": the script begins or ends transactions itself, but the step runs it "
                                            "in one transaction: set `transaction: false` to run it as written");
    if (settle_pending_commit()) return;
    control("BEGIN");
    std::string xid = transaction_id();
    size_t failed = 0;
    for (size_t i = 0; i < script_.statements.size(); ++i) {
      stop_if_asked(true);
      if (options_.continue_on_error) control("SAVEPOINT planrun_sql");
      if (std::optional<StatementError> error = execute(i)) {
        if (!options_.continue_on_error) {
          rollback();
          throw_failure(i, *error, "the transaction was rolled back: nothing of the script was applied");
        }
        control("ROLLBACK TO SAVEPOINT planrun_sql");
        context_.log.warn(statement_failure_message(script_, i, *error) + "\n(on_error: continue)");
        ++failed;
      } else if (options_.continue_on_error) {
        control("RELEASE SAVEPOINT planrun_sql");
      }
      context_.progress.advance(1);
    }
    progress_.committing(xid);
    if (std::optional<StatementError> error = dialect_.execute("COMMIT")) {
      progress_.forget_commit();
      throw StepFailure(Kind::Failed, "the commit of the script's transaction failed: " + database_said(*error) +
                                          " (nothing of the script was applied)");
    }
    progress_.committed(script_.statements.size(), failed);
    context_.log.info("committed " + std::to_string(script_.statements.size()) + " statements in one transaction");
  }

  // A kill between COMMIT and its checkpoint: PostgreSQL says whether the transaction committed;
  // elsewhere it is a doubt. Returns true when the script's work is done.
  bool settle_pending_commit() {
    SqlProgress::Commit commit = progress_.commit();
    if (commit == SqlProgress::Commit::Done) {
      context_.log.info("the script was committed by an earlier attempt");
      context_.progress.set_done(script_.statements.size());
      return true;
    }
    if (commit == SqlProgress::Commit::None) return false;
    std::string xid = progress_.commit_xid();
    std::string status = xid.empty() ? "" : transaction_status(xid);
    bool committed = status == "committed";
    if (status != "committed" && status != "aborted") {
      std::string what = "the interrupted attempt was committing the script's transaction when it stopped";
      committed = settle_doubt(what, "the last statement of the script (" +
                                         script_.location_of(script_.statements.back()) + ") took effect");
    }
    if (!committed) {
      progress_.forget_commit();
      context_.log.info("the interrupted attempt's transaction was not committed: running the script again");
      return false;
    }
    progress_.committed(script_.statements.size(), progress_.failed());
    context_.log.info("the interrupted attempt's transaction was committed: nothing left to run");
    context_.progress.set_done(script_.statements.size());
    return true;
  }

  std::string transaction_id() {
    if (connection_.kind() != Dsn::Kind::Postgresql) return "";
    long long xid = 0;
    connection_.session() << "SELECT txid_current()", soci::into(xid);
    return std::to_string(xid);
  }

  std::string transaction_status(const std::string& xid) {
    if (connection_.kind() != Dsn::Kind::Postgresql) return "";
    std::string status;
    soci::indicator indicator = soci::i_ok;
    connection_.session() << "SELECT txid_status(" + xid + ")", soci::into(status, indicator);
    return indicator == soci::i_ok ? status : "";
  }

  // --- each statement committed by itself ---

  void each_by_itself() {
    size_t next = progress_.done();
    if (std::optional<size_t> running = progress_.running()) {
      bool ran = settle_doubt("statement " + std::to_string(*running + 1) + " (" +
                                  script_.location_of(script_.statements[*running]) +
                                  ") was sent by the interrupted attempt, which stopped before recording its end",
                              "it took effect");
      next = ran ? *running + 1 : *running;
      if (ran) progress_.finish(*running, progress_.failed());
      else progress_.undo_start(*running);
    }
    if (next > 0)
      context_.log.info("statements 1 to " + std::to_string(next) + " ran in an earlier attempt; continuing at " +
                        std::to_string(next + 1) +
                        (next < script_.statements.size() ? " (" + script_.location_of(script_.statements[next]) + ")" : ""));
    context_.progress.set_done(next);
    size_t failed = progress_.failed();
    for (size_t i = next; i < script_.statements.size(); ++i) {
      stop_if_asked(false);
      progress_.start(i);
      if (std::optional<StatementError> error = execute(i)) {
        if (!options_.continue_on_error) {
          progress_.undo_start(i);
          throw_failure(i, *error, i == 0 ? "" : "statements 1 to " + std::to_string(i) + " were applied; a rerun "
                                                     "continues with this one");
        }
        context_.log.warn(statement_failure_message(script_, i, *error) + "\n(on_error: continue)");
        ++failed;
      }
      progress_.finish(i, failed);
      context_.progress.advance(1);
    }
    context_.log.info("ran " + std::to_string(script_.statements.size() - next) + " statements, each committed by itself");
  }

  // A statement (or commit) that may or may not have taken effect: `on_doubt` says which, or
  // the step stops and asks. Returns whether it took effect.
  bool settle_doubt(const std::string& what, const std::string& effect) {
    if (options_.on_doubt == "skip") {
      context_.log.warn(what + "; on_doubt: skip says " + effect + ": not running it again");
      return true;
    }
    if (options_.on_doubt == "rerun") {
      context_.log.warn(what + "; on_doubt: rerun says it did not take effect: running it again");
      return false;
    }
    throw StepFailure(Kind::Precondition,
                      what + "; planrun cannot tell whether " + effect +
                          ", and never runs a statement twice on a guess: look at the database, then set "
                          "`on_doubt: skip` on the step if it took effect, or `on_doubt: rerun` if it did not, and "
                          "run the plan again");
  }

  // --- shared ---

  std::optional<StatementError> execute(size_t index) {
    const ScriptStatement& statement = script_.statements[index];
    context_.log.info("statement " + std::to_string(index + 1) + " of " + std::to_string(script_.statements.size()) +
                      " (" + script_.location_of(statement) + "): " + first_line_of(statement.statement.text));
    std::optional<StatementError> error = dialect_.execute(statement.statement.text);
    if (error && context_.cancel.requested()) {
      if (options_.transaction) rollback();
      else progress_.undo_start(index);
      throw StepFailure(Kind::Cancelled, "stopped as asked, in statement " + std::to_string(index + 1) + " (" +
                                             script_.location_of(statement) + "), which the database cancelled");
    }
    return error;
  }

  void stop_if_asked(bool in_transaction) {
    if (!context_.cancel.requested()) return;
    if (in_transaction) rollback();
    throw StepFailure(Kind::Cancelled, in_transaction ? "stopped as asked; the transaction was rolled back"
                                                      : "stopped as asked; a rerun continues at the next statement");
  }

  void control(const std::string& statement) {
    if (std::optional<StatementError> error = dialect_.execute(statement))
      throw StepFailure(Kind::Failed, statement + " failed: " + database_said(*error));
  }

  void rollback() { dialect_.execute("ROLLBACK"); }

  [[noreturn]] void throw_failure(size_t index, const StatementError& error, const std::string& note) {
    throw StepFailure(Kind::Failed, statement_failure_message(script_, index, error) + (note.empty() ? "" : "\n(" + note + ")"));
  }

  StepContext& context_;
  DatabaseConnection& connection_;
  const SqlScript& script_;
  const SqlRunOptions& options_;
  DatabaseDialect& dialect_;
  SqlProgress progress_;
};

}  // namespace

SqlRunResult run_sql_script(StepContext& context, DatabaseConnection& connection, const SqlScript& script,
                            const SqlRunOptions& options) {
  return ScriptRun(context, connection, script, options).run();
}

}  // namespace planrun
