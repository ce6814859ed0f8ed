#include "interpreter/observers/terminal_log.h"

#include <fmt/format.h>

#include <utility>

#include "interpreter/observers/elapsed_time.h"
#include "interpreter/observers/step_outcome.h"
#include "interpreter/observers/summary_table.h"

namespace planrun {
namespace {

using Tone = TerminalStyle::Tone;

std::string plural(size_t count, const char* noun) {
  return fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s");
}

// How the final line names each outcome: for people, so "up to date" rather than "up-to-date".
std::string counted_name(StepOutcome outcome) {
  return outcome == StepOutcome::UpToDate ? "up to date" : outcome_name(outcome);
}

std::string counts_text(const std::vector<StepResult>& results) {
  OutcomeCounts counts(results);
  std::string text;
  for (StepOutcome outcome : kStepOutcomes) {
    if (counts.of(outcome) == 0) continue;
    text += fmt::format("{}{} {}", text.empty() ? "" : ", ", counts.of(outcome), counted_name(outcome));
  }
  return text;
}

}  // namespace

TerminalLog::TerminalLog(std::shared_ptr<TerminalSink> sink, Options options)
    : sink_(std::move(sink)),
      // Not registered with spdlog: the log belongs to this observer, and a second TerminalLog
      // (in tests) must not collide with the first by name.
      logger_(std::make_shared<spdlog::logger>("planrun-terminal", sink_)),
      options_(options),
      style_(options.color, options.unicode) {
  logger_->set_level(spdlog::level::info);
}

void TerminalLog::log(const std::string& line) { logger_->log(spdlog::level::info, line); }

std::string TerminalLog::step_prefix(const StepNode& step) const {
  return "  " + style_.paint(Tone::Dim, "[" + step.id + "]") + " ";
}

void TerminalLog::run_started(const RunInfo& run) {
  steps_in_run_ = run.steps;
  if (options_.quiet) return;
  std::string line = fmt::format("run {} of {}: {}, {}", run.run_id, run.plan_name, plural(run.steps, "step"),
                                 plural(static_cast<size_t>(run.jobs), "job"));
  if (!run.run_dir.empty()) line += "; step logs in " + run.run_dir;
  log(line);
}

void TerminalLog::step_started(const StepNode& step, int attempt, bool resumed) {
  if (options_.quiet) return;
  std::string line = fmt::format("{} {} ({})", style_.paint(Tone::Cyan, style_.started_symbol()),
                                 style_.paint(Tone::Bold, step.id), step.type);
  // The executor reports every retry as resumed; the attempt number says more there.
  if (attempt > 1)
    line += fmt::format(", attempt {}", attempt);
  else if (resumed)
    line += ", resuming from its checkpoints";
  log(line);
}

void TerminalLog::step_log(const StepNode& step, bool warning, const std::string& line) {
  if (options_.quiet) return;
  log(step_prefix(step) + (warning ? style_.paint(Tone::Yellow, "warning:") + " " : "") + line);
}

void TerminalLog::step_output(const StepNode& step, const std::string& line) {
  if (options_.quiet) return;
  log(step_prefix(step) + line);
}

void TerminalLog::step_finished(const StepResult& result) {
  ++steps_finished_;
  if (options_.quiet && result.outcome != StepOutcome::Failed) return;
  // How far the whole run is, on every line that ends a step.
  std::string progress = steps_in_run_ ? fmt::format(" [{}/{}]", steps_finished_, steps_in_run_) : "";
  log(finished_line(result) + progress);
}

std::string TerminalLog::finished_line(const StepResult& result) const {
  std::string head = fmt::format("{} {}", style_.paint(TerminalStyle::tone(result.outcome), style_.symbol(result.outcome)),
                                 result.step ? result.step->id : "?");
  std::string elapsed = format_elapsed(result.duration);
  std::string cause = result.message.empty() ? "" : ": " + result.message;
  switch (result.outcome) {
    case StepOutcome::Done: return head + " done in " + elapsed;
    case StepOutcome::UpToDate: return head + " up to date";
    case StepOutcome::Skipped: return head + " skipped" + cause;
    case StepOutcome::Failed: {
      std::string tries = result.attempts > 1 ? fmt::format(" ({} attempts)", result.attempts) : "";
      return head + " " + style_.paint(Tone::Red, "failed") + " after " + elapsed + tries + cause;
    }
    case StepOutcome::Cancelled:
      return head + " cancelled" + (result.attempts > 0 ? " after " + elapsed : "") + cause;
  }
  return head;
}

void TerminalLog::run_finished(const RunSummary& summary) {
  sink_->write_line("");
  for (const std::string& line : summary_table(summary.steps, style_)) sink_->write_line(line);
  log(final_line(summary));
}

std::string TerminalLog::final_line(const RunSummary& summary) const {
  std::string run = fmt::format("run {} ", summary.run_id);
  if (summary.outcome == "succeeded") {
    std::string counts = counts_text(summary.steps);
    return run + style_.paint(Tone::Green, "succeeded") + " in " + format_elapsed(summary.duration) +
           (counts.empty() ? "" : ": " + counts);
  }
  if (summary.outcome == "interrupted")
    return run + style_.paint(Tone::Yellow, "interrupted") + "; run the same command again to resume";
  if (summary.outcome == "failed") return run + style_.paint(Tone::Red, "failed") + failure_clause(summary);
  return run + summary.outcome;
}

// The first failed step with its cause, and how many more failed (the table lists them).
std::string TerminalLog::failure_clause(const RunSummary& summary) const {
  const StepResult* first = nullptr;
  size_t failed = 0;
  for (const StepResult& result : summary.steps) {
    if (result.outcome != StepOutcome::Failed) continue;
    if (!first) first = &result;
    ++failed;
  }
  if (!first) return fmt::format(" (exit code {})", summary.exit_code);
  std::string clause = fmt::format(": step '{}' failed", first->step ? first->step->id : "?");
  if (!first->message.empty()) clause += ": " + first->message;
  if (failed > 1) clause += fmt::format("; {} more {} failed", failed - 1, failed == 2 ? "step" : "steps");
  return clause;
}

}  // namespace planrun
