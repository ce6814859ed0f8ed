#include "interpreter/step_kit/wait_loop.h"

#include <algorithm>
#include <memory>

#include "interpreter/step_kit/step_clock.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_secret_masker.h"
#include "interpreter/step_kit/step_time_limit.h"
#include "interpreter/values/duration.h"

namespace planrun {
namespace {

using std::chrono::milliseconds;
using Kind = StepFailure::Kind;

// One try may not take longer than this, so that a hung server is tried again.
constexpr milliseconds longest_try = std::chrono::seconds(5);
// Nor less: the last try, at the deadline, still gets a chance to connect.
constexpr milliseconds shortest_try{200};
constexpr milliseconds shortest_interval{10};

std::string timeout_message(const WaitProbe& probe, const StepTimeLimit& limit, const std::string& note) {
  return probe.subject + " " + probe.not_ready + " within " + limit.text + (note.empty() ? "" : " (" + note + ")");
}

std::string joined(const std::vector<WaitProbe>& probes, std::string WaitProbe::*part, const std::string& separator) {
  std::string out;
  for (const WaitProbe& probe : probes) out += (out.empty() ? "" : separator) + probe.*part;
  return out;
}

}  // namespace

WaitProbe all_of(std::vector<WaitProbe> probes) {
  if (probes.size() == 1) return std::move(probes.front());
  auto waiting = std::make_shared<std::vector<WaitProbe>>(std::move(probes));
  WaitProbe all{joined(*waiting, &WaitProbe::subject, " and "), "", {}};
  all.not_ready = "were not all ready";
  all.attempt = [waiting](milliseconds budget) -> std::optional<std::string> {
    std::string notes;
    std::erase_if(*waiting, [&](const WaitProbe& probe) {
      std::optional<std::string> note = probe.attempt(budget);
      if (note) notes += (notes.empty() ? "" : "; ") + probe.subject + " " + probe.not_ready +
                         (note->empty() ? "" : ": " + *note);
      return !note;
    });
    if (waiting->empty()) return std::nullopt;
    return notes;
  };
  return all;
}

milliseconds wait_until_ready(StepContext& context, const WaitProbe& probe, milliseconds timeout, milliseconds interval) {
  StepSecretMasker masker(context);
  const StepClock& clock = *context.services.clock;
  interval = std::max(interval, shortest_interval);
  StepClock::TimePoint start = clock.now();
  StepTimeLimit limit = StepTimeLimit::of(context, timeout, start);
  context.log.info(masker.mask("waiting for " + probe.subject + " (up to " + limit.text + ")"));
  for (;;) {
    if (context.cancel.requested())
      throw StepFailure(Kind::Cancelled, masker.mask("the run was interrupted while waiting for " + probe.subject));
    milliseconds left = std::chrono::ceil<milliseconds>(*limit.deadline - clock.now());
    std::optional<std::string> note;
    try {
      note = probe.attempt(std::clamp(left, shortest_try, longest_try));
    } catch (const StepFailure& failure) {  // a server that failed: its log lines may hold a secret
      throw StepFailure(failure.kind, masker.mask(failure.what()));
    }
    auto waited = std::chrono::duration_cast<milliseconds>(clock.now() - start);
    if (!note) {
      context.log.info(masker.mask(probe.subject + " is ready after " + format_duration(waited)));
      return waited;
    }
    StepClock::TimePoint now = clock.now();
    if (now >= *limit.deadline) throw StepFailure(Kind::TimedOut, masker.mask(timeout_message(probe, limit, *note)));
    clock.sleep_for(std::min(interval, std::chrono::ceil<milliseconds>(*limit.deadline - now)), context.cancel);
  }
}

}  // namespace planrun
