#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "interpreter/step_kit/step_context.h"

namespace planrun {

// How far a `sql` step got, in its checkpoints (so a resume continues where it stopped):
//
//   statement  "done K"     statements 1..K ran (or failed under on_error: continue)
//              "running K"  statement K was started and not recorded: did it take effect?
//   failed     how many of them failed under on_error: continue
//   commit     "pending XID" or "pending": the script's transaction was being committed
//              (XID: PostgreSQL's transaction id, whose fate txid_status tells); "done"
//
// A statement is recorded running before it is sent and done after it returns, so that a kill
// between the two is seen as a doubt, never silently run again.
class SqlProgress {
 public:
  explicit SqlProgress(CheckpointStore& store) : store_(store) {}

  size_t done() const;                    // statements finished: the next to run has this index
  std::optional<size_t> running() const;  // the index of a statement started and not recorded
  size_t failed() const;
  void start(size_t index);
  void finish(size_t index, size_t failed);  // statement `index` ended, `failed` in all so far
  void undo_start(size_t index);             // it failed and took no effect: the doubt is lifted

  enum class Commit { None, Pending, Done };
  Commit commit() const;
  std::string commit_xid() const;  // the transaction id of a pending commit, "" when none
  void committing(const std::string& xid);
  void committed(size_t statements, size_t failed);
  void forget_commit();

 private:
  std::optional<std::pair<std::string, size_t>> statement_state() const;
  CheckpointStore& store_;
};

// Checkpoints read from a copy (a dry run's view of an interrupted attempt); writes stay in it.
class MapCheckpoints final : public CheckpointStore {
 public:
  explicit MapCheckpoints(std::map<std::string, std::string> values) : values_(std::move(values)) {}
  std::optional<std::string> get(const std::string& key) const override {
    auto found = values_.find(key);
    return found == values_.end() ? std::nullopt : std::optional(found->second);
  }
  void put(const std::string& key, const std::string& value) override { values_[key] = value; }
  void put_all(const std::map<std::string, std::string>& values) override {
    for (const auto& [key, value] : values) values_[key] = value;
  }
  std::map<std::string, std::string> list() const override { return values_; }
  void remove(const std::string& key) override { values_.erase(key); }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace planrun
