#include "interpreter/steps/sql/sql_progress.h"

namespace planrun {

std::optional<std::pair<std::string, size_t>> SqlProgress::statement_state() const {
  std::optional<std::string> value = store_.get("statement");
  if (!value) return std::nullopt;
  size_t space = value->find(' ');
  if (space == std::string::npos) return std::nullopt;
  return std::make_pair(value->substr(0, space), static_cast<size_t>(std::stoull(value->substr(space + 1))));
}

size_t SqlProgress::done() const {
  auto state = statement_state();
  if (!state) return 0;
  return state->first == "done" ? state->second : state->second - 1;
}

std::optional<size_t> SqlProgress::running() const {
  auto state = statement_state();
  if (!state || state->first != "running") return std::nullopt;
  return state->second - 1;
}

size_t SqlProgress::failed() const {
  std::optional<std::string> value = store_.get("failed");
  return value ? static_cast<size_t>(std::stoull(*value)) : 0;
}

void SqlProgress::start(size_t index) { store_.put("statement", "running " + std::to_string(index + 1)); }

void SqlProgress::finish(size_t index, size_t failed) {
  store_.put_all({{"statement", "done " + std::to_string(index + 1)}, {"failed", std::to_string(failed)}});
}

void SqlProgress::undo_start(size_t index) { store_.put("statement", "done " + std::to_string(index)); }

SqlProgress::Commit SqlProgress::commit() const {
  std::optional<std::string> value = store_.get("commit");
  if (!value) return Commit::None;
  return *value == "done" ? Commit::Done : Commit::Pending;
}

std::string SqlProgress::commit_xid() const {
  std::optional<std::string> value = store_.get("commit");
  if (!value || !value->starts_with("pending ")) return "";
  return value->substr(8);
}

void SqlProgress::committing(const std::string& xid) { store_.put("commit", xid.empty() ? "pending" : "pending " + xid); }

void SqlProgress::committed(size_t statements, size_t failed) {
  store_.put_all({{"commit", "done"}, {"statement", "done " + std::to_string(statements)}, {"failed", std::to_string(failed)}});
}

void SqlProgress::forget_commit() { store_.remove("commit"); }

}  // namespace planrun
