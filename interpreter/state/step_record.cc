#include "interpreter/state/step_record.h"

#include <array>

namespace planrun {

static constexpr std::array<std::string_view, 5> kStatusNames = {"pending", "running", "done",
                                                                 "failed", "skipped"};

std::string_view step_status_name(StepStatus status) {
  return kStatusNames[static_cast<size_t>(status)];
}

std::optional<StepStatus> parse_step_status(std::string_view name) {
  for (size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == name) return static_cast<StepStatus>(i);
  }
  return std::nullopt;
}

}  // namespace planrun
