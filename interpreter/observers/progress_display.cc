#include "interpreter/observers/progress_display.h"

#include <algorithm>
#include <utility>

#include "interpreter/observers/display_width.h"
#include "interpreter/observers/progress_units.h"

namespace planrun {
namespace {

constexpr size_t kNarrowestTerminal = 20;
constexpr size_t kWidestIdColumn = 24;  // longer ids push their own line only

}  // namespace

ProgressDisplay::ProgressDisplay(std::shared_ptr<TerminalSink> sink, int width, Now now)
    : sink_(std::move(sink)),
      width_(std::max(static_cast<size_t>(std::max(width, 0)), kNarrowestTerminal)),
      now_(now ? std::move(now) : Now([] { return Clock::now(); })) {}

ProgressDisplay::~ProgressDisplay() {
  if (!bars_.empty()) sink_->set_status({});
}

void ProgressDisplay::step_started(const StepNode& step, int, bool) {
  // A retry counts again from zero; the old bar would show a rate across the restart.
  if (find(step.id)) remove(step.id);
}

void ProgressDisplay::step_log(const StepNode&, bool, const std::string&) { draw_if_due(); }

void ProgressDisplay::step_output(const StepNode&, const std::string&) { draw_if_due(); }

void ProgressDisplay::step_progress(const StepNode& step, uint64_t done, uint64_t total, ProgressReporter::Unit unit) {
  ProgressBar* bar = find(step.id);
  bool added = bar == nullptr;
  if (added) bar = &bars_.emplace_back(step.id);
  bar->update(now_(), done, total, unit);
  stale_ = true;
  if (added)
    draw();
  else
    draw_if_due();
}

void ProgressDisplay::step_counter(const StepNode& step, const std::string& name, uint64_t done, uint64_t total,
                                   ProgressReporter::Unit unit) {
  std::string amounts = format_amount(done, unit);
  if (total > 0) amounts += " / " + format_amount(total, unit);
  counters_[step.id][name] = amounts;
  stale_ = true;
  draw_if_due();
}

void ProgressDisplay::step_finished(const StepResult& result) {
  if (!result.step) return;
  counters_.erase(result.step->id);
  if (find(result.step->id)) remove(result.step->id);
}

void ProgressDisplay::run_finished(const RunSummary&) {
  bars_.clear();
  counters_.clear();
  draw();
}

ProgressBar* ProgressDisplay::find(const std::string& step_id) {
  auto found = std::find_if(bars_.begin(), bars_.end(), [&](const ProgressBar& bar) { return bar.step_id() == step_id; });
  return found == bars_.end() ? nullptr : &*found;
}

// Removing a bar redraws at once: a finished step must not linger on screen.
void ProgressDisplay::remove(const std::string& step_id) {
  std::erase_if(bars_, [&](const ProgressBar& bar) { return bar.step_id() == step_id; });
  draw();
}

// Reports may come thousands of times a second; drawing each would flood the terminal.
void ProgressDisplay::draw_if_due() {
  if (!stale_) return;
  if (last_draw_ && now_() - *last_draw_ < kRedrawInterval) return;
  draw();
}

void ProgressDisplay::draw() {
  size_t id_width = 0;
  for (const ProgressBar& bar : bars_) id_width = std::max(id_width, display_width(bar.step_id()));
  id_width = std::min(id_width, kWidestIdColumn);
  std::vector<std::string> lines;
  // One column short of the width: a line filling the last column wraps on some terminals,
  // and the next erase would then leave half of it behind.
  for (const ProgressBar& bar : bars_) {
    lines.push_back(bar.render(id_width, width_ - 1));
    for (const auto& [name, amounts] : counters_[bar.step_id()])
      lines.push_back(truncate_to_width(std::string(id_width + 2, ' ') + name + "  " + amounts, width_ - 1));
  }
  for (const auto& [step_id, counters] : counters_) {  // steps with counters but no bar
    if (find(step_id)) continue;
    for (const auto& [name, amounts] : counters)
      lines.push_back(truncate_to_width(pad_to_width(step_id, id_width) + "  " + name + "  " + amounts, width_ - 1));
  }
  sink_->set_status(std::move(lines));
  last_draw_ = now_();
  stale_ = false;
}

}  // namespace planrun
