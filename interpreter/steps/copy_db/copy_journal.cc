#include "interpreter/steps/copy_db/copy_journal.h"

#include <nlohmann/json.hpp>

#include "interpreter/step_kit/step_context.h"

namespace planrun {
namespace {

using json = nlohmann::json;

const std::string kStarted = "copy";
const std::string kTablePrefix = "table:";
const std::string kSchema = "schema";

}  // namespace

CopyJournal::CopyJournal(CheckpointStore& checkpoints) : checkpoints_(checkpoints) {
  for (const auto& [key, value] : checkpoints_.list()) {
    if (key == kStarted) {
      json started = json::parse(value);
      started_ = Started{started.at("source_version"), started.at("target"),
                         started.at("tables").get<std::vector<std::string>>()};
    } else if (key.starts_with(kTablePrefix)) {
      json table = json::parse(value);
      copied_[key.substr(kTablePrefix.size())] = {table.at("rows").get<int64_t>(), table.at("checksum")};
    } else if (key == kSchema) {
      schema_finished_ = true;
    }
  }
}

void CopyJournal::start(Started started) {
  json record = {{"source_version", started.source_version}, {"target", started.target}, {"tables", started.tables}};
  checkpoints_.put(kStarted, record.dump());
  started_ = std::move(started);
}

void CopyJournal::forget() {
  for (const auto& [key, value] : checkpoints_.list()) checkpoints_.remove(key);
  started_.reset();
  copied_.clear();
  schema_finished_ = false;
}

void CopyJournal::table_copied(const std::string& table, const TableSummary& summary) {
  json record = {{"rows", summary.rows}, {"checksum", summary.checksum}};
  checkpoints_.put(kTablePrefix + table, record.dump());
  copied_[table] = summary;
}

void CopyJournal::finish_schema() {
  checkpoints_.put(kSchema, "finished");
  schema_finished_ = true;
}

}  // namespace planrun
