#include "interpreter/observers/json_event_log.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include "interpreter/observers/progress_units.h"

namespace planrun {
namespace {

// ISO 8601 in UTC with milliseconds: sorts as text and needs no time zone to read.
std::string utc_timestamp(JsonEventLog::WallClock::time_point at) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(at - seconds).count();
  std::time_t time = JsonEventLog::WallClock::to_time_t(seconds);
  std::tm utc{};
  ::gmtime_r(&time, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                     utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
}

}  // namespace

JsonEventLog::JsonEventLog(const std::filesystem::path& path, Now now)
    : path_(path), now_(now ? std::move(now) : Now([] { return WallClock::now(); })) {
  // "e": close-on-exec, so that the commands steps run do not inherit the log.
  file_ = std::fopen(path.c_str(), "ae");
  if (!file_)
    throw std::runtime_error(fmt::format("cannot open the event log '{}': {}", path.string(), std::strerror(errno)));
}

JsonEventLog::~JsonEventLog() { std::fclose(file_); }

OrderedJson JsonEventLog::event(std::string_view name, WallClock::time_point at) const {
  return OrderedJson{{"ts", utc_timestamp(at)}, {"event", name}};
}

void JsonEventLog::run_started(const RunInfo& run) {
  OrderedJson line = event("run_started");
  line["run_id"] = run.run_id;
  line["plan"] = run.plan_name;
  line["steps"] = run.steps;
  line["jobs"] = run.jobs;
  write(line);
}

void JsonEventLog::step_started(const StepNode& step, int attempt, bool resumed) {
  write_held_progress(step.id);  // it belongs to the attempt before this one
  OrderedJson line = event("step_started");
  line["step"] = step.id;
  line["type"] = step.type;
  line["attempt"] = attempt;
  line["resumed"] = resumed;
  write(line);
}

void JsonEventLog::step_log(const StepNode& step, bool warning, const std::string& text) {
  OrderedJson line = event("step_log");
  line["step"] = step.id;
  line["level"] = warning ? "warning" : "info";
  line["line"] = text;
  write(line);
}

void JsonEventLog::step_output(const StepNode& step, const std::string& text) {
  OrderedJson line = event("step_output");
  line["step"] = step.id;
  line["line"] = text;
  write(line);
}

void JsonEventLog::step_progress(const StepNode& step, uint64_t done, uint64_t total, ProgressReporter::Unit unit) {
  WallClock::time_point at = now_();
  OrderedJson line = event("step_progress", at);
  line["step"] = step.id;
  line["done"] = done;
  line["total"] = total;
  line["unit"] = unit_name(unit);
  write_throttled(step.id, at, std::move(line));
}

void JsonEventLog::step_counter(const StepNode& step, const std::string& name, uint64_t done, uint64_t total,
                                ProgressReporter::Unit unit) {
  WallClock::time_point at = now_();
  OrderedJson line = event("step_counter", at);
  line["step"] = step.id;
  line["counter"] = name;
  line["done"] = done;
  line["total"] = total;
  line["unit"] = unit_name(unit);
  write_throttled(counter_key(step.id, name), at, std::move(line));
}

void JsonEventLog::write_throttled(const std::string& key, WallClock::time_point at, OrderedJson line) {
  ProgressThrottle& throttle = progress_[key];
  // A clock set back counts as due, or the step would go quiet until the clock caught up.
  bool due = !throttle.last_written || at - *throttle.last_written >= kProgressInterval || at < *throttle.last_written;
  if (!due) {
    throttle.held = std::move(line);
    return;
  }
  write(line);
  throttle = {at, std::nullopt};
}

// A step's counters are throttled apart from its main progress, keyed below it in progress_.
std::string JsonEventLog::counter_key(const std::string& step_id, const std::string& name) {
  return step_id + '\0' + name;
}

void JsonEventLog::step_finished(const StepResult& result) {
  std::string step_id = result.step ? result.step->id : "";
  write_held_progress(step_id);
  progress_.erase(step_id);
  std::string counters = counter_key(step_id, "");
  for (auto entry = progress_.lower_bound(counters); entry != progress_.end() && entry->first.starts_with(counters);) {
    write_held_progress(entry->first);
    entry = progress_.erase(entry);
  }
  OrderedJson line = event("step_finished");
  line["step"] = step_id;
  add_result_fields(line, result);
  write(line);
}

void JsonEventLog::run_finished(const RunSummary& summary) {
  for (const auto& entry : progress_) write_held_progress(entry.first);
  OrderedJson line = event("run_finished");
  line["run_id"] = summary.run_id;
  line["outcome"] = summary.outcome;
  line["exit_code"] = summary.exit_code;
  line["duration_ms"] = summary.duration.count();
  line["counts"] = outcome_counts(summary.steps);
  write(line);
}

void JsonEventLog::write_held_progress(const std::string& step_id) {
  auto found = progress_.find(step_id);
  if (found == progress_.end() || !found->second.held) return;
  write(*found->second.held);
  found->second.held.reset();
}

// A full disk must not stop the run: the log is a witness, not a participant. The failure is
// reported once, on the terminal, through the default logger.
void JsonEventLog::write(const OrderedJson& event) {
  if (broken_) return;
  std::string line = dump_json(event) + "\n";
  bool written = std::fwrite(line.data(), 1, line.size(), file_) == line.size();
  if (written && std::fflush(file_) == 0) return;
  broken_ = true;
  spdlog::warn("cannot write the event log '{}': {}; no more events are written to it", path_.string(),
               std::strerror(errno));
}

}  // namespace planrun
